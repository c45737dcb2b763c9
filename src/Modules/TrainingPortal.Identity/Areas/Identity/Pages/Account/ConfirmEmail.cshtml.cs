using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Results;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

/// <summary>
/// Where the "confirm your email address" link lands. Opening the link changes nothing (mail scanners open links
/// too); the person confirms with the password they chose, and is then signed in.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserAccounts accounts, SignInManager<PortalUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the password you chose when you created the account")]
    public string? Password { get; set; }

    public IActionResult OnGet() => string.IsNullOrEmpty(Code) || UserId == Guid.Empty ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Code) || UserId == Guid.Empty)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await accounts.ConfirmEmailAsync(UserId, Code, Password!, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        var user = result.Value!;
        user.LastSignedInAt = clock.GetUtcNow().UtcDateTime;
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Success"] = "Your email address is confirmed and you are signed in. If you asked to join an agency, its safeguarding lead will confirm that you work there.";
        return Redirect("/");
    }
}

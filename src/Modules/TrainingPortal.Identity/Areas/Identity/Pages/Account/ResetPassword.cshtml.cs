using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Results;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class ResetPasswordModel(UserAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a new password")]
    public string? Password { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Confirm your new password")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
    public string? ConfirmPassword { get; set; }

    public IActionResult OnGet() => string.IsNullOrEmpty(Code) ? BadRequest() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await accounts.ResetPasswordAsync(UserId, Code, Password!, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        TempData["Success"] = "Your password has been saved. You can now sign in.";
        return Redirect("/account/login");
    }
}

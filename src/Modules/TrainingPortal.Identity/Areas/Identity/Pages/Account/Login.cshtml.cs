using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError(nameof(Email), "The email address or password is not right");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Email), "Your account is locked because of too many failed sign-in attempts. Try again in 15 minutes, or reset your password.");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), "The email address or password is not right");
            return Page();
        }
        user.LastSignedInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}

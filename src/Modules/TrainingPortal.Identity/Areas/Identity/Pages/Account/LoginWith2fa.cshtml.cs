using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class LoginWith2faModel(SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the security code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }
        var code = Code!.Replace(" ", string.Empty).Replace("-", string.Empty);
        var result = code.Length == 6 && code.All(char.IsDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code!.Trim());
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Code), "Your account is locked because of too many failed attempts. Try again in 15 minutes.");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), "The security code is not right. Check the code in your authenticator app and try again.");
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, UserAccounts accounts, PortalDbContext db, TimeProvider clock) : PageModel
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

    /// <summary>Set when the password was right but the account's email address has not been confirmed yet.</summary>
    public bool ConfirmationSent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long to refuse as a wrong password.
            users.PasswordHasher.HashPassword(new PortalUser { FirstName = "", LastName = "" }, Password!);
            ModelState.AddModelError(nameof(Email), "The email address or password is not right");
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            return await UnconfirmedAsync(user, cancellationToken);
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

    /// <summary>
    /// Sign-in waits until the address is proven (the sign-in manager refuses such accounts). After the right
    /// password the person gets a fresh confirmation link; a wrong one counts towards lockout as usual.
    /// </summary>
    private async Task<IActionResult> UnconfirmedAsync(PortalUser user, CancellationToken cancellationToken)
    {
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(nameof(Email), "Your account is locked because of too many failed sign-in attempts. Try again in 15 minutes, or reset your password.");
            return Page();
        }
        if (!await users.CheckPasswordAsync(user, Password!))
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(nameof(Email), "The email address or password is not right");
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await accounts.SendEmailConfirmationAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        ConfirmationSent = true;
        return Page();
    }
}

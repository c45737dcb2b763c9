using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

[Authorize]
public class TwoFactorModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditTrail audit, PortalDbContext db) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    public string? SharedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var code = (Code ?? string.Empty).Replace(" ", string.Empty).Replace("-", string.Empty);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app");
            return await LoadAsync();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not right. Check the code in your authenticator app and try again.");
            return await LoadAsync();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        audit.Record("Two-factor authentication turned on", "User", user.Id);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Record("Two-factor authentication turned off", "User", user.Id);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "Two-factor authentication is off.";
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = FormatKey(key!);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Neglect training")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Neglect training")}&digits=6";
        return Page();
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}

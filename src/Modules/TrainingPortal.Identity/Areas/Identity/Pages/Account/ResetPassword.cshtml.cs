using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class ResetPasswordModel(UserManager<PortalUser> users, AuditTrail audit, TrainingPortal.Data.PortalDbContext db) : PageModel
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(UserId.ToString());
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code ?? string.Empty));
        }
        catch (FormatException)
        {
            token = string.Empty;
        }
        if (user is null)
        {
            ModelState.AddModelError(nameof(Password), "This link has expired or has already been used. Ask for a new one from the sign-in page.");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var message = error.Code == "InvalidToken"
                    ? "This link has expired or has already been used. Ask for a new one from the sign-in page."
                    : error.Description;
                ModelState.AddModelError(nameof(Password), message);
            }
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        audit.Record("Password reset", "User", user.Id);
        await db.SaveChangesAsync();
        TempData["Success"] = "Your password has been saved. You can now sign in.";
        return Redirect("/account/login");
    }
}

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
public class ForgotPasswordModel(UserManager<PortalUser> users, UserAccounts accounts, PortalDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is not null)
        {
            await accounts.SendSetPasswordEmailAsync(user, invitation: false, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        // The same answer either way, so the page cannot be used to find out who has an account.
        Sent = true;
        return Page();
    }
}

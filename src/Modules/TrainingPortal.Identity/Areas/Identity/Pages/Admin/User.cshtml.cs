using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Core.Security;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Admin;

[Authorize(Policy = "ManageUsers")]
public class UserModel(UserManager<PortalUser> users, UserAccounts accounts, TimeProvider clock) : PageModel
{
    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool LockedOut { get; private set; }

    public bool TwoFactor { get; private set; }

    public IEnumerable<SelectListItem> RoleItems =>
        Roles.All.Select(r => new SelectListItem(Roles.DisplayName(r), r, SelectedRoles.Contains(r)));

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        await LoadAsync(user);
        SelectedRoles = [.. await users.GetRolesAsync(user)];
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await accounts.SetRolesAsync(id, SelectedRoles, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(SelectedRoles), error.Message);
            }
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null)
            {
                return NotFound();
            }
            await LoadAsync(user);
            return Page();
        }
        TempData["Success"] = "Roles saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        await accounts.UnlockAsync(id, cancellationToken);
        TempData["Success"] = "Account unlocked.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(PortalUser user)
    {
        Name = user.FullName;
        Email = user.Email!;
        LockedOut = user.LockoutEnd > clock.GetUtcNow();
        TwoFactor = user.TwoFactorEnabled;
    }
}

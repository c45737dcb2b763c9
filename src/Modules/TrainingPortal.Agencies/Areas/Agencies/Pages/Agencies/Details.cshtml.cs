using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Agencies;

[Authorize(Policy = Permissions.ManageStaff)]
public class DetailsModel(AgencyDirectory directory, AgencyScope scope, IAuthorizationService authorization) : PageModel
{
    public AgencyDetail Agency { get; private set; } = null!;

    public bool CanManageAgencies { get; private set; }

    [BindProperty]
    public string? TeamName { get; set; }

    [BindProperty]
    public string? LeadFirstName { get; set; }

    [BindProperty]
    public string? LeadLastName { get; set; }

    [BindProperty]
    public string? LeadEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAddTeamAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(id, cancellationToken))
        {
            return Forbid();
        }
        var result = await directory.AddTeamAsync(id, TeamName ?? "", cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(id, cancellationToken);
        }
        TempData["Success"] = $"Team {TeamName!.Trim()} added.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddLeadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Permissions.ManageAgencies)).Succeeded)
        {
            return Forbid();
        }
        if (string.IsNullOrWhiteSpace(LeadFirstName))
        {
            ModelState.AddModelError(nameof(LeadFirstName), "Enter the lead's first name");
        }
        if (string.IsNullOrWhiteSpace(LeadLastName))
        {
            ModelState.AddModelError(nameof(LeadLastName), "Enter the lead's last name");
        }
        var email = StaffRecords.NormaliseEmail(LeadEmail);
        if (email is null || !StaffRecords.IsValidEmail(email))
        {
            ModelState.AddModelError(nameof(LeadEmail), "Enter the lead's email address in the correct format, like name@example.org");
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken);
        }
        var result = await directory.AddLeadAsync(id, email!, LeadFirstName!, LeadLastName!, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(id, cancellationToken);
        }
        TempData["Success"] = $"{LeadFirstName!.Trim()} {LeadLastName!.Trim()} is now a safeguarding lead for this agency.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(id, cancellationToken))
        {
            return Forbid();
        }
        var agency = await directory.GetAsync(id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }
        Agency = agency;
        CanManageAgencies = (await authorization.AuthorizeAsync(User, Permissions.ManageAgencies)).Succeeded;
        return Page();
    }
}

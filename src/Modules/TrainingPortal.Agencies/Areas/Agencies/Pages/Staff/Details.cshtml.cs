using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Staff;

[Authorize(Policy = Permissions.ManageStaff)]
public class DetailsModel(StaffRecords staff, StaffInvitations invitations, IEnumerable<IStaffRecordLink> links) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [FromRoute]
    public Guid PractitionerId { get; set; }

    public StaffRecord Record { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public IReadOnlyList<IStaffRecordLink> Links { get; } = links.ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken) => DecideAsync(true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) => DecideAsync(false, cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var (access, _) = await staff.GetAsync(AgencyId, PractitionerId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        var result = await invitations.InviteAsync(AgencyId, PractitionerId, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = "Invitation sent. They will get an email with a link to set their password.";
        return RedirectToPage();
    }

    private async Task<IActionResult> DecideAsync(bool confirm, CancellationToken cancellationToken)
    {
        var result = await staff.DecideAsync(AgencyId, PractitionerId, confirm, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = confirm ? "Confirmed. Their training now counts for your agency." : "Recorded that this person does not work for your agency.";
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, record) = await staff.GetAsync(AgencyId, PractitionerId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Record = record!;
        History = await staff.HistoryAsync(AgencyId, PractitionerId, cancellationToken);
        return Page();
    }
}

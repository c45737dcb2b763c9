using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Dashboard;

/// <summary>One member of staff's requirements, the record behind each status, and a reminder button.</summary>
[Authorize(Policy = Permissions.ViewAgencyCompliance)]
public class PractitionerModel(StaffRecords staff, ComplianceDashboard compliance, ComplianceReminders reminders) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [FromRoute]
    public Guid PractitionerId { get; set; }

    public StaffRecord Person { get; private set; } = null!;

    /// <summary>Null when the person is not current staff (a leaver, or not yet confirmed).</summary>
    public MembershipNeeds? Needs { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken)
    {
        // Someone not on this agency's staff gets 404 here too, rather than "nothing is outstanding".
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var result = await reminders.RemindSelectedAsync(AgencyId, [PractitionerId], cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        TempData["Success"] = result.Value!.Sent == 1 ? "Reminder sent." : result.Value.NoEmail == 1 ? "No reminder sent: this person has no email address." : "No reminder sent: nothing is outstanding.";
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, person) = await staff.GetAsync(AgencyId, PractitionerId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Person = person!;
        Needs = (await compliance.ForMemberAsync(AgencyId, PractitionerId, cancellationToken)).Needs;
        return null;
    }
}

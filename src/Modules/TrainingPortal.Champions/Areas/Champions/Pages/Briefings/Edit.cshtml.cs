using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Briefings;

/// <summary>Corrects a briefing log; the attendees' training records follow.</summary>
[Authorize(Policy = Permissions.LogBriefings)]
public class EditModel(BriefingLogs logs, PortalDbContext db) : BriefingFormModel(logs, db)
{
    [FromRoute]
    public Guid Id { get; set; }

    public BriefingLogView Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var failed = await LoadLogAsync(cancellationToken);
        if (failed is not null)
        {
            return failed;
        }
        Input = new BriefingInput
        {
            AgencyId = Log.AgencyId,
            GuideNumber = Log.GuideNumber,
            DeliveredOn = Log.DeliveredOn,
            Team = Log.Team,
            DeliveredBy = Log.DeliveredBy,
            DiscussionNotes = Log.DiscussionNotes,
            AttendeeIds = Log.Attendees.Where(a => a.PractitionerId is not null).Select(a => a.PractitionerId!.Value).ToList(),
            OtherAttendees = string.Join("\n", Log.Attendees.Where(a => a.PractitionerId is null).Select(a => a.Name)),
            Actions = Log.Actions.Select(a => new BriefingActionInput { Id = a.Id, Description = a.Description, Owner = a.Owner, DueOn = a.DueOn }).ToList(),
        };
        return await LoadChoicesAsync(Log.AgencyId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var failed = await LoadLogAsync(cancellationToken);
        if (failed is not null)
        {
            return failed;
        }
        Input.AgencyId = Log.AgencyId;
        failed = await LoadChoicesAsync(Log.AgencyId, cancellationToken);
        if (failed is not null)
        {
            return failed;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (access, result) = await Logs.CorrectAsync(Id, Input, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData["Success"] = "Briefing corrected. The attendees' learning records have been updated.";
        return Redirect($"/briefings/{Id}");
    }

    private async Task<IActionResult?> LoadLogAsync(CancellationToken cancellationToken)
    {
        var (access, log) = await Logs.GetAsync(Id, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Log = log!;
        // Past its 14 days the log is the training unit's to correct; others are refused rather than shown a form they cannot send.
        return Log.CanCorrect ? null : Forbid();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Briefings;

/// <summary>Records a team briefing: first the agency (when the user may record for more than one), then the log.</summary>
[Authorize(Policy = Permissions.LogBriefings)]
public class NewModel(BriefingLogs logs, PortalDbContext db, ICurrentUser currentUser, TimeProvider clock) : BriefingFormModel(logs, db)
{
    [FromQuery(Name = "agencyId")]
    public Guid? AgencyId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var chosen = await ChooseAgencyAsync(cancellationToken);
        if (chosen is not null)
        {
            return chosen;
        }
        Input.DeliveredOn = UkTime.Today(clock);
        Input.DeliveredBy = await Db.Accounts().Where(u => u.Id == currentUser.UserId).Select(u => u.FirstName + " " + u.LastName).SingleOrDefaultAsync(cancellationToken);
        return await LoadChoicesAsync(Input.AgencyId!.Value, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.AgencyId is not { } agencyId)
        {
            return BadRequest();
        }
        AgencyId = agencyId;
        var failed = await LoadChoicesAsync(agencyId, cancellationToken);
        if (failed is not null)
        {
            return failed;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (access, result) = await Logs.RecordAsync(Input, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData["Success"] = "Briefing recorded. Everyone with a record has it in their learning.";
        return Redirect($"/briefings/{result.Value}");
    }

    /// <summary>Null when an agency is chosen (and set on the input); otherwise the page asking which one.</summary>
    private async Task<IActionResult?> ChooseAgencyAsync(CancellationToken cancellationToken)
    {
        Agencies = await Logs.AgenciesAsync(cancellationToken);
        if (AgencyId is null && Agencies.Count == 1)
        {
            AgencyId = Agencies[0].Id;
        }
        if (AgencyId is null)
        {
            return Page();
        }
        Input.AgencyId = AgencyId;
        return null;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Briefings;

/// <summary>
/// What the new and correct pages share: the guide list, and the agency's staff to tick as attendees, narrowed by
/// team or name through the query string so that a large agency's list stays short.
/// </summary>
public abstract class BriefingFormModel(BriefingLogs logs, PortalDbContext db) : PageModel
{
    /// <summary>Blank action rows offered below the ones already entered.</summary>
    private const int SpareActionRows = 3;

    protected PortalDbContext Db { get; } = db;

    [BindProperty]
    public BriefingInput Input { get; set; } = new();

    [FromQuery(Name = "team")]
    public Guid? TeamId { get; set; }

    [FromQuery(Name = "search")]
    public string? Search { get; set; }

    public IReadOnlyList<SelectListItem> GuideItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> StaffItems { get; private set; } = [];

    public int StaffShown { get; private set; }

    protected BriefingLogs Logs => logs;

    /// <summary>Fills the lists for the agency; Forbid or NotFound when the user may not record for it.</summary>
    protected async Task<IActionResult?> LoadChoicesAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        var (access, staff) = await logs.StaffChoicesAsync(agencyId, TeamId, Search, Input.AttendeeIds, cancellationToken: cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        StaffShown = staff.Count;
        var ticked = Input.AttendeeIds.ToHashSet();
        StaffItems = staff.Select(s => new SelectListItem(Describe(s), s.PractitionerId.ToString(), ticked.Contains(s.PractitionerId))).ToList();
        GuideItems = (await logs.GuidesAsync(cancellationToken))
            .Select(g => new SelectListItem(g.Title, g.Number.ToString(), g.Number == Input.GuideNumber)).ToList();
        if (Input.GuideNumber is { } number && GuideItems.All(g => g.Value != number.ToString()))
        {
            // A retired guide stays selectable on the log that already uses it.
            GuideItems = [.. GuideItems, new SelectListItem($"Guide {number} (retired)", number.ToString(), true)];
        }
        TeamItems = await Db.AllTeams().Where(t => t.AgencyId == agencyId).OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == TeamId)).ToListAsync(cancellationToken);
        while (Input.Actions.Count(a => a.IsBlank) < SpareActionRows && Input.Actions.Count < BriefingLogs.MaxActions)
        {
            Input.Actions.Add(new BriefingActionInput());
        }
        return null;
    }

    private static string Describe(StaffChoice person) =>
        person.Name + (person.JobTitle is null && person.Team is null ? "" : $" ({string.Join(", ", new[] { person.JobTitle, person.Team }.Where(x => x is not null))})");
}

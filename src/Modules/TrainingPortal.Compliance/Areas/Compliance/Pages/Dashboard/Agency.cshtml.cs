using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Paging;
using TrainingPortal.Core.Results;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Dashboard;

/// <summary>
/// A safeguarding lead's dashboard for one agency: the headline, a chart per requirement and per team, and the list of
/// current staff with their statuses, which can be filtered, exported and used to send reminders.
/// </summary>
[Authorize(Policy = Permissions.ViewAgencyCompliance)]
public class AgencyModel(ComplianceDashboard compliance, ComplianceReminders reminders, AgencyDirectory directory, WorkforceGroups groups) : PageModel
{
    public static readonly IReadOnlyList<ChartSeries> StatusSeries =
    [
        new("Met", "met"), new("Due soon", "due-soon"), new("Expired", "expired"), new("Missing", "missing"),
    ];

    [FromRoute]
    public Guid AgencyId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The people ticked for a reminder.</summary>
    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    public ComplianceFilter Filter { get; private set; } = new();

    public AgencyDashboard Dashboard { get; private set; } = null!;

    public PagedList<PractitionerCompliance> People { get; private set; } = new([], 1, PagingExtensions.DefaultPageSize, 0);

    public IReadOnlyList<RequirementSummary> Requirements => Dashboard.ByRequirement.Select(r => r.Requirement).ToList();

    public IReadOnlyList<LookupItem<Guid>> Teams { get; private set; } = [];

    public IReadOnlyList<LookupItem<int>> Groups { get; private set; } = [];

    public string FilterQuery => ComplianceQuery.ToQueryString(Filter);

    public string ExportUrl => $"/compliance/agencies/{AgencyId}/export{FilterQuery}";

    public string RemindUrl => $"/compliance/agencies/{AgencyId}{(FilterQuery.Length == 0 ? "?" : FilterQuery + "&")}handler=Remind&page={People.Page}";

    public StackedBarChart RequirementChart => new("Staff by requirement",
        StatusSeries,
        Dashboard.ByRequirement.Select(r => new ChartBar(r.Requirement.Name, Values(r.Counts),
            $"/compliance/agencies/{AgencyId}{ComplianceQuery.ToQueryString(new ComplianceFilter(), r.Requirement.Id, ComplianceStatus.Missing)}")).ToList())
    { LabelHeading = "Requirement", Id = "by-requirement" };

    public StackedBarChart TeamChart => new("Requirements by team",
        StatusSeries,
        Dashboard.ByTeam.Select(t => new ChartBar(t.Name, Values(t.Counts), t.TeamId is { } id ? $"/compliance/agencies/{AgencyId}?team={id}" : null)).ToList())
    { LabelHeading = "Team", Id = "by-team" };

    /// <summary>"Team: East; Status: Missing" for the filters in force, in words.</summary>
    public string FilterDescription => ComplianceExport.Describe(Filter, Teams, Groups, Requirements);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = ComplianceQuery.Read(Request.Query);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken)
    {
        Filter = ComplianceQuery.Read(Request.Query);
        var result = await reminders.RemindSelectedAsync(AgencyId, Selected, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken) ?? Page();
        }
        var sent = result.Value!;
        TempData["Success"] = (sent.Sent == 1 ? "1 reminder sent." : $"{sent.Sent} reminders sent.")
            + (sent.NothingOutstanding > 0 ? $" {sent.NothingOutstanding} had nothing outstanding." : "")
            + (sent.NoEmail > 0 ? $" {sent.NoEmail} have no email address." : "");
        return Redirect($"/compliance/agencies/{AgencyId}{FilterQuery}{(FilterQuery.Length == 0 ? "?" : "&")}page={PageNumber}");
    }

    public static IReadOnlyList<int> Values(StatusCounts counts) => [counts.Met, counts.DueSoon, counts.Expired, counts.Missing];

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, dashboard) = await compliance.ForAgencyAsync(AgencyId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Dashboard = dashboard!;
        People = (await compliance.ListAsync(AgencyId, Filter, PageNumber, cancellationToken)).People!;
        Teams = await directory.TeamsAsync(AgencyId, cancellationToken);
        Groups = await groups.LookupAsync(cancellationToken);
        return null;
    }
}

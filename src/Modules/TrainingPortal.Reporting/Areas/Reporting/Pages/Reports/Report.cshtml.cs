using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Paging;
using TrainingPortal.Reporting.Services;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Reporting.Areas.Reporting.Pages.Reports;

/// <summary>
/// One report on screen, drawn from the same figures as its workbook: headline figures, training by level and course,
/// compliance by requirement, the four-period trend, attendance, champions and briefings, evaluation, and the agencies (partnership) or the
/// staff trained (agency). The archive has already checked that the user may see it.
/// </summary>
[Authorize(Policy = Permissions.ViewReports)]
public class ReportModel(ReportArchive archive) : PageModel
{
    public const int PeoplePageSize = 100;

    [FromRoute]
    public Guid ReportId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ArchivedReport Report { get; private set; } = null!;

    public ReportFigures Figures { get; private set; } = null!;

    public PagedList<NamedCompletion> People { get; private set; } = new([], 1, PeoplePageSize, 0);

    public StackedBarChart LevelChart => new("People trained by course level",
        [new("Frontline", "brand"), new("Not frontline", "neutral")],
        Figures.TrainedByLevel.Select(l => new ChartBar(l.Level, [l.Frontline, l.NotFrontline])).ToList())
    { LabelHeading = "Level", Id = "trained-by-level" };

    public StackedBarChart ComplianceChart => new($"Compliance by requirement on {TrainingPortal.Core.UkTime.FormatDate(Figures.PeriodEnd)}",
        [new("Met", "met"), new("Due soon", "due-soon"), new("Expired", "expired"), new("Missing", "missing")],
        Figures.Compliance.Select(c => new ChartBar(c.Requirement, [c.Met, c.DueSoon, c.Expired, c.Missing])).ToList())
    { LabelHeading = "Requirement", Id = "compliance-by-requirement" };

    /// <summary>Partnership only: how far each agency's briefings reached, as people briefed against its staff at period end.</summary>
    public StackedBarChart BriefedChart => new("People briefed in the period against each agency's staff",
        [new("Briefed", "brand"), new("Other staff", "neutral")],
        (Figures.Champions?.Agencies ?? []).Select(a =>
        {
            var staff = Figures.Agencies.FirstOrDefault(l => l.AgencyId == a.AgencyId)?.Headcount ?? 0;
            return new ChartBar(a.Agency, [a.PeopleBriefed, Math.Max(0, staff - a.PeopleBriefed)]);
        }).ToList())
    { LabelHeading = "Agency", Id = "briefed-by-agency" };

    public LineChart TrendChart => new("Percentage of staff compliant, last four periods",
        Figures.Trend.Select(t => t.Period).ToList(),
        [new LineSeries("Compliant", Figures.Trend.Select(t => (int?)t.PercentCompliant).ToList())
        {
            Details = Figures.Trend.Select(t => (string?)(t.PeopleTrained == 1 ? "1 person trained" : $"{t.PeopleTrained:N0} people trained")).ToList(),
        }])
    { LabelHeading = "Period", Id = "trend" };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, document) = await archive.GetAsync(ReportId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Report = document!.Report;
        Figures = document.Figures;
        if (!Report.IsPartnership)
        {
            var pageCount = Math.Max(1, (Figures.People.Count + PeoplePageSize - 1) / PeoplePageSize);
            var page = Math.Clamp(PageNumber, 1, pageCount);
            People = new PagedList<NamedCompletion>(Figures.People.Skip((page - 1) * PeoplePageSize).Take(PeoplePageSize).ToList(), page, PeoplePageSize, Figures.People.Count);
        }
        return Page();
    }
}

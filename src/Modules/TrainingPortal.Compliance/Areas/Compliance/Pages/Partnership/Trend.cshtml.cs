using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Partnership;

/// <summary>The partnership's percentage compliant at the end of each of the last 24 months and today, overall and per requirement.</summary>
[Authorize(Policy = Permissions.ViewPartnershipCompliance)]
public class TrendModel(ComplianceTrend trend, ComplianceCalculator calculator) : PageModel
{
    public IReadOnlyList<TrendPoint> Points { get; private set; } = [];

    public IReadOnlyList<RequirementSummary> Requirements { get; private set; } = [];

    public LineChart? Chart { get; private set; }

    public TrendPoint Live => Points[^1];

    /// <summary>The earliest month-end with figures, if any.</summary>
    public TrendPoint? Earliest => Points.FirstOrDefault(p => !p.IsLive && p.Overall.Total > 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Requirements = await calculator.RequirementsAsync(cancellationToken);
        Points = await trend.TrendAsync(ComplianceTrend.DefaultMonths, cancellationToken);
        if (Requirements.Count == 0)
        {
            return;
        }
        var series = new List<LineSeries> { Series("All requirements", p => p.Overall) };
        series.AddRange(Requirements.Select(r => Series(r.Name, p => p.ByRequirement.TryGetValue(r.Id, out var counts) ? counts : StatusCounts.None)));
        Chart = new LineChart("Percentage compliant at the end of each month", Points.Select(Label).ToList(), series)
        {
            Id = "trend",
            LabelHeading = "Month",
            AxisLabels = Points.Select(p => p.IsLive ? "Today" : p.AsAt.ToString("MMM yy", CultureInfo.InvariantCulture)).ToList(),
        };
    }

    /// <summary>"May 2026" for a month-end; "Today, 1 June 2026" for the live point.</summary>
    public static string Label(TrendPoint point) =>
        point.IsLive ? $"Today, {UkTime.FormatDate(point.AsAt)}" : point.AsAt.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private LineSeries Series(string name, Func<TrendPoint, StatusCounts> counts) =>
        new(name, Points.Select(p => counts(p) is { Total: > 0 } c ? c.PercentCompliant : (int?)null).ToList())
        {
            Details = Points.Select(p => counts(p) is { Total: > 0 } c ? $"{c.Compliant:N0} of {c.Total:N0}" : null).ToList(),
        };
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Theme.Tests.Pages;

public sealed class ChartModel : PageModel
{
    /// <summary>Three months and today: two lines, the second with a gap where a month has no figure.</summary>
    public LineChart Chart { get; } = new(
        "Percentage compliant",
        ["March 2026", "April 2026", "May 2026", "Today"],
        [
            new LineSeries("Overall", [40, 55, 70, 75]) { Details = ["4 of 10", "11 of 20", "14 of 20", "15 of 20"] },
            new LineSeries("Neglect basic training", [50, null, 80, 100]),
        ])
    {
        Id = "trend",
        LabelHeading = "Month",
        AxisLabels = ["Mar 26", "Apr 26", "May 26", "Today"],
    };

    public void OnGet()
    {
    }
}

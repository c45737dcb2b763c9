using System.Globalization;

namespace TrainingPortal.Theme.Charts;

/// <summary>A part of each bar (e.g. "Met"), drawn in the colour its CSS modifier names (<c>portal-chart__segment--met</c>).</summary>
public sealed record ChartSeries(string Name, string Modifier);

/// <summary>One bar: its label, an optional link, and one value per series.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<int> Values, string? Href = null)
{
    public int Total => Values.Sum();
}

/// <summary>
/// A horizontal stacked bar chart drawn as SVG by <c>_StackedBarChart.cshtml</c>: each bar is 100% of its total, split
/// into the series. The same figures are always given as a table too, for screen readers and for print.
/// </summary>
public sealed record StackedBarChart(string Caption, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartBar> Bars)
{
    /// <summary>A unique id prefix for aria references when a page has several charts.</summary>
    public string Id { get; init; } = "chart-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>What the first column of the table is ("Requirement", "Team").</summary>
    public string LabelHeading { get; init; } = "";

    /// <summary>Start and width of a segment as SVG percentages ("12.5%").</summary>
    public static (string X, string Width) Segment(ChartBar bar, int index)
    {
        if (bar.Total == 0)
        {
            return ("0%", "0%");
        }
        var before = bar.Values.Take(index).Sum();
        return (Percent(before * 100.0 / bar.Total), Percent(bar.Values[index] * 100.0 / bar.Total));
    }

    /// <summary>Share of the bar, rounded down to a whole percent for the text.</summary>
    public static int Share(ChartBar bar, int index) => bar.Total == 0 ? 0 : bar.Values[index] * 100 / bar.Total;

    private static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + "%";
}

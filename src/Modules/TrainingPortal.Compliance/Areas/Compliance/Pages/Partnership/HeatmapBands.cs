using TrainingPortal.Compliance.Services;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Partnership;

/// <summary>One shade of the heatmap: the lowest percentage compliant in it, its CSS modifier and its legend text.</summary>
public sealed record HeatmapBand(int From, string Modifier, string Text);

/// <summary>How the partnership heatmap shades its cells. The percentage is always written in the cell as well.</summary>
public static class HeatmapBands
{
    /// <summary>Highest first.</summary>
    public static readonly IReadOnlyList<HeatmapBand> All =
    [
        new(95, "full", "95% or more"),
        new(80, "high", "80% to 94%"),
        new(50, "medium", "50% to 79%"),
        new(0, "low", "Under 50%"),
    ];

    public static HeatmapBand For(int percent) => All.First(b => percent >= b.From);

    /// <summary>The cell's classes: its band, or "none" when nobody there needs the requirement.</summary>
    public static string CellClass(StatusCounts counts) =>
        "govuk-table__cell portal-heatmap__cell portal-heatmap__cell--" + (counts.Total == 0 ? "none" : For(counts.PercentCompliant).Modifier);
}

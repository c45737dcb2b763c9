using System.Globalization;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Results;

/// <summary>How the results pages write their figures, and the charts they draw from them.</summary>
public static class ResultsText
{
    public const string FewerThanFive = "Fewer than 5 responses";

    public const string FewerThanFiveFollowUps = "Fewer than 5 follow-ups";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>An average on the 1 to 5 scale, or a dash when nobody answered.</summary>
    public static string Average(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>A change on the 1 to 5 scale, signed.</summary>
    public static string Change(decimal? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static readonly IReadOnlyList<string> RatingNames = ["1 (poor)", "2", "3", "4", "5 (excellent)"];

    /// <summary>How many gave each overall rating, one bar per line.</summary>
    public static StackedBarChart RatingChart(string caption, string id, string labelHeading, IEnumerable<(string Label, RatingFigures Ratings)> lines) =>
        new(caption, RatingNames.Select((name, i) => new ChartSeries(name, $"rating-{i + 1}")).ToList(),
            lines.Select(l => new ChartBar(l.Label, l.Ratings.Ratings)).ToList())
        { LabelHeading = labelHeading, Id = id };

    /// <summary>How often people have used what they learned, one bar per line.</summary>
    public static StackedBarChart FrequencyChart(string caption, string id, string labelHeading, IEnumerable<(string Label, FollowUpFigures FollowUps)> lines) =>
        new(caption, Enum.GetValues<UseFrequency>().Select((u, i) => new ChartSeries(u.Describe(), $"rating-{i + 2}")).ToList(),
            lines.Select(l => new ChartBar(l.Label, l.FollowUps.Frequencies)).ToList())
        { LabelHeading = labelHeading, Id = id };
}

/// <summary>One pair of bars: average confidence before and after, on the 1 to 5 scale.</summary>
public sealed record ConfidenceBar(string Label, decimal Before, decimal After)
{
    /// <summary>Width of a bar as an SVG percentage of the scale's top (5).</summary>
    public static string Width(decimal value) =>
        (value * 100m / EvaluationLimits.HighestRating).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Average confidence before and after, per line, drawn by <c>_ConfidenceChart.cshtml</c> with the figures as a table too.</summary>
public sealed record ConfidenceChart(string Caption, string Id, string LabelHeading, IReadOnlyList<ConfidenceBar> Bars);

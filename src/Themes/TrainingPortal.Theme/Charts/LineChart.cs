using System.Globalization;

namespace TrainingPortal.Theme.Charts;

/// <summary>One line of a <see cref="LineChart"/>: its name in the legend and a percentage (0 to 100) per point, null where there is no figure.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<int?> Values)
{
    /// <summary>Optional words after each figure in the table, such as "36 of 50"; null or shorter lists leave them out.</summary>
    public IReadOnlyList<string?>? Details { get; init; }

    public string? DetailAt(int index) => Details is { } details && index < details.Count ? details[index] : null;
}

/// <summary>The shape drawn at each point of a line, so lines can be told apart without colour.</summary>
public enum LineMarker
{
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// <summary>
/// A line chart of percentages over a run of points (months, say), drawn as SVG by <c>_LineChart.cshtml</c> with a
/// 0–100% axis. Coordinates are SVG attributes, never inline styles, so the content security policy is kept. Each series
/// gets a style <c>portal-line-chart__series--1</c> to <c>--6</c> (colour and dash pattern in <c>portal.scss</c>) and a marker
/// shape, so the lines differ in more than colour. The figures are always given as a table too.
/// </summary>
public sealed record LineChart(string Caption, IReadOnlyList<string> Labels, IReadOnlyList<LineSeries> Series)
{
    /// <summary>Size of the drawing in SVG units; it scales to the width of its container.</summary>
    public const int Width = 720;

    public const int Height = 320;

    /// <summary>How many series styles <c>portal.scss</c> defines; further series repeat them.</summary>
    public const int StyleCount = 6;

    /// <summary>Beyond this many points only every few are labelled on the axis (all of them are in the table).</summary>
    public const int MaxAxisLabels = 9;

    private const double PlotLeft = 56;
    private const double PlotRight = Width - 24;
    private const double PlotTop = 16;
    private const double PlotBottom = Height - 48;

    /// <summary>The percentages with a grid line and an axis label.</summary>
    public static readonly IReadOnlyList<int> Gridlines = [0, 25, 50, 75, 100];

    /// <summary>A unique id prefix for aria references when a page has several charts.</summary>
    public string Id { get; init; } = "line-chart-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Short labels for the axis ("Jun 26"), one per point; <see cref="Labels"/> when not set. The table uses <see cref="Labels"/>.</summary>
    public IReadOnlyList<string>? AxisLabels { get; init; }

    /// <summary>What the first column of the table is ("Month").</summary>
    public string LabelHeading { get; init; } = "";

    public string ViewBox => $"0 0 {Width} {Height}";

    /// <summary>The plot area's edges as SVG coordinates (the axis labels sit outside it).</summary>
    public static string Left => Number(PlotLeft);

    public static string Right => Number(PlotRight);

    public static string Top => Number(PlotTop);

    public static string Bottom => Number(PlotBottom);

    /// <summary>Where the axis labels sit: left of the plot for percentages, under it for points.</summary>
    public static string YLabelX => Number(PlotLeft - 8);

    public static string XLabelY => Number(PlotBottom + 24);

    /// <summary>Label every n-th point, counting back from the last so the latest is always labelled.</summary>
    public int AxisLabelStep => Math.Max(1, (int)Math.Ceiling(Labels.Count / (double)MaxAxisLabels));

    public bool ShowsAxisLabel(int index) => (Labels.Count - 1 - index) % AxisLabelStep == 0;

    public string AxisLabel(int index) => AxisLabels is { } axis && index < axis.Count ? axis[index] : Labels[index];

    /// <summary>The CSS modifier number of a series: 1 to <see cref="StyleCount"/>, then round again.</summary>
    public static int StyleOf(int seriesIndex) => seriesIndex % StyleCount + 1;

    public static LineMarker MarkerOf(int seriesIndex) => (LineMarker)(seriesIndex % 4);

    /// <summary>Horizontal position of point <paramref name="index"/>: the points spread evenly across the plot.</summary>
    public double X(int index) =>
        Labels.Count <= 1 ? (PlotLeft + PlotRight) / 2 : PlotLeft + index * (PlotRight - PlotLeft) / (Labels.Count - 1);

    /// <summary>Vertical position of a percentage: 0% at the bottom of the plot, 100% at the top.</summary>
    public static double Y(int percent) => PlotBottom - Math.Clamp(percent, 0, 100) * (PlotBottom - PlotTop) / 100;

    /// <summary>The series as polyline point lists ("56,272 83.2,200"), one per run of points with figures; a missing figure breaks the line.</summary>
    public IReadOnlyList<string> Lines(LineSeries series)
    {
        var lines = new List<string>();
        var run = new List<string>();
        for (var i = 0; i < Labels.Count; i++)
        {
            if (i < series.Values.Count && series.Values[i] is { } value)
            {
                run.Add($"{Number(X(i))},{Number(Y(value))}");
                continue;
            }
            if (run.Count > 0)
            {
                lines.Add(string.Join(' ', run));
                run.Clear();
            }
        }
        if (run.Count > 0)
        {
            lines.Add(string.Join(' ', run));
        }
        return lines;
    }

    /// <summary>Each point with a figure: its index, position (format with <see cref="Number"/>) and value.</summary>
    public IEnumerable<(int Index, double X, double Y, int Value)> Points(LineSeries series) =>
        Enumerable.Range(0, Math.Min(Labels.Count, series.Values.Count))
            .Where(i => series.Values[i] is not null)
            .Select(i => (i, X(i), Y(series.Values[i]!.Value), series.Values[i]!.Value));

    /// <summary>The points of a triangle or diamond marker centred on (<paramref name="cx"/>, <paramref name="cy"/>); circles and squares are drawn from their own attributes.</summary>
    public static string MarkerPolygon(LineMarker marker, double cx, double cy, double size = 5) =>
        marker == LineMarker.Triangle
            ? $"{Number(cx)},{Number(cy - size)} {Number(cx + size)},{Number(cy + size * 0.8)} {Number(cx - size)},{Number(cy + size * 0.8)}"
            : $"{Number(cx)},{Number(cy - size)} {Number(cx + size)},{Number(cy)} {Number(cx)},{Number(cy + size)} {Number(cx - size)},{Number(cy)}";

    /// <summary>The latest figure of each series in words, for the chart's accessible description.</summary>
    public string Summary
    {
        get
        {
            var latest = Series
                .Select(s => (s.Name, Index: Enumerable.Range(0, Math.Min(Labels.Count, s.Values.Count)).LastOrDefault(i => s.Values[i] is not null, -1), s.Values))
                .Where(s => s.Index >= 0)
                .Select(s => $"{s.Name} {s.Values[s.Index]}% ({Labels[s.Index]})")
                .ToList();
            return latest.Count == 0 ? "No figures yet." : $"Latest: {string.Join("; ", latest)}.";
        }
    }

    /// <summary>An SVG coordinate: invariant culture, at most one decimal place.</summary>
    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace TrainingPortal.Reporting.Domain;

/// <summary>
/// A half-year the partnership reports on, from <see cref="Start"/> to <see cref="End"/> (both included, UK dates).
/// By default half-years follow the UK financial year: 1 April to 30 September and 1 October to 31 March.
/// </summary>
public sealed record ReportingPeriod(DateOnly Start, DateOnly End)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"April to September 2026", or "October 2026 to March 2027" when it spans two years.</summary>
    public string Name => Start.Year == End.Year
        ? $"{Start.ToString("MMMM", Invariant)} to {End.ToString("MMMM yyyy", Invariant)}"
        : $"{Start.ToString("MMMM yyyy", Invariant)} to {End.ToString("MMMM yyyy", Invariant)}";

    /// <summary>"Apr–Sep 2026" for chart labels.</summary>
    public string ShortName => Start.Year == End.Year
        ? $"{Start.ToString("MMM", Invariant)}–{End.ToString("MMM yyyy", Invariant)}"
        : $"{Start.ToString("MMM yy", Invariant)}–{End.ToString("MMM yy", Invariant)}";

    /// <summary>"2026-04-01" for addresses and file names.</summary>
    public string Key => Start.ToString("yyyy-MM-dd", Invariant);

    public bool Contains(DateOnly day) => day >= Start && day <= End;
}

/// <summary>
/// The partnership's reporting calendar: two periods a year, starting in the configured months (<c>Reporting:PeriodStartMonths</c>,
/// "4,10" by default). All period arithmetic lives here.
/// </summary>
public sealed class ReportingCalendar
{
    public static readonly ReportingCalendar FinancialHalfYears = new([4, 10]);

    private readonly int[] startMonths;

    public ReportingCalendar(IReadOnlyList<int> startMonths)
    {
        if (startMonths.Count != 2 || startMonths.Any(m => m is < 1 or > 12) || startMonths[0] == startMonths[1])
        {
            throw new ArgumentException("A reporting calendar needs two different start months from 1 to 12.", nameof(startMonths));
        }
        this.startMonths = startMonths.Order().ToArray();
    }

    /// <summary>"4,10" as set in the partnership settings; falls back to financial half-years when it cannot be read.</summary>
    public static ReportingCalendar Parse(string? setting)
    {
        var parts = (setting ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var months = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0).ToList();
        return months.Count == 2 && months.All(m => m is >= 1 and <= 12) && months[0] != months[1] ? new ReportingCalendar(months) : FinancialHalfYears;
    }

    public IReadOnlyList<int> StartMonths => startMonths;

    /// <summary>The period a day falls in.</summary>
    public ReportingPeriod Containing(DateOnly day)
    {
        // The latest period start on or before the day, looking back at most a year.
        var start = Enumerable.Range(0, 13)
            .Select(back => new DateOnly(day.Year, day.Month, 1).AddMonths(-back))
            .First(first => startMonths.Contains(first.Month));
        return new ReportingPeriod(start, NextStart(start).AddDays(-1));
    }

    public ReportingPeriod Previous(ReportingPeriod period) => Containing(period.Start.AddDays(-1));

    public ReportingPeriod Next(ReportingPeriod period) => Containing(period.End.AddDays(1));

    /// <summary>The most recent period that has ended by <paramref name="today"/>.</summary>
    public ReportingPeriod LastEnded(DateOnly today) => Previous(Containing(today));

    /// <summary>The <paramref name="count"/> periods ending with <paramref name="period"/>, oldest first.</summary>
    public IReadOnlyList<ReportingPeriod> EndingWith(ReportingPeriod period, int count)
    {
        var periods = new List<ReportingPeriod> { period };
        while (periods.Count < count)
        {
            periods.Insert(0, Previous(periods[0]));
        }
        return periods;
    }

    private DateOnly NextStart(DateOnly start)
    {
        var next = start.AddMonths(1);
        while (!startMonths.Contains(next.Month))
        {
            next = next.AddMonths(1);
        }
        return next;
    }
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.Compliance.Services;

/// <summary>The partnership's percentage compliant at the end of a month, per requirement and overall.</summary>
public sealed record TrendPoint(DateOnly AsAt, StatusCounts Overall, IReadOnlyDictionary<Guid, StatusCounts> ByRequirement, bool IsLive);

/// <summary>
/// The partnership's compliance month by month: the counts kept at each month-end by
/// <see cref="Jobs.ComplianceSnapshotJob"/>, added up across agencies, then today's figures. Figures only: safe for board members.
/// </summary>
public sealed class ComplianceTrend(PortalDbContext db, ComplianceCalculator calculator, ComplianceDashboard dashboard)
{
    /// <summary>How far back the trend goes, and how many month-ends the start-up catch-up fills.</summary>
    public const int DefaultMonths = 24;

    /// <summary>The last day of each of the <paramref name="months"/> months before the one <paramref name="today"/> is in, oldest first.</summary>
    public static IReadOnlyList<DateOnly> MonthEndsBefore(DateOnly today, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return Enumerable.Range(1, months).Select(i => firstOfMonth.AddMonths(1 - i).AddDays(-1)).Reverse().ToList();
    }

    /// <summary>
    /// One point per month-end of the last <paramref name="months"/> months (oldest first; empty counts where no snapshot
    /// was kept), then a live point for today from <see cref="ComplianceDashboard.PartnershipAsync"/>. Each point has the
    /// partnership's counts overall and per current requirement.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(int months = DefaultMonths, CancellationToken cancellationToken = default)
    {
        var monthEnds = MonthEndsBefore(calculator.Today, months);
        var points = new List<TrendPoint>(monthEnds.Count + 1);
        if (monthEnds.Count > 0)
        {
            var from = monthEnds[0];
            var to = monthEnds[^1];
            var sums = await db.Set<ComplianceSnapshot>().AsNoTracking()
                .Where(s => s.AsAt >= from && s.AsAt <= to)
                .GroupBy(s => new { s.AsAt, s.RequirementId })
                .Select(g => new
                {
                    g.Key.AsAt, g.Key.RequirementId,
                    Met = g.Sum(s => s.Met), DueSoon = g.Sum(s => s.DueSoon), Expired = g.Sum(s => s.Expired), Missing = g.Sum(s => s.Missing),
                })
                .ToListAsync(cancellationToken);
            var byMonth = sums.ToLookup(s => s.AsAt);
            points.AddRange(monthEnds.Select(day =>
            {
                var byRequirement = byMonth[day].ToDictionary(s => s.RequirementId, s => new StatusCounts(s.Met, s.DueSoon, s.Expired, s.Missing));
                return new TrendPoint(day, byRequirement.Values.Aggregate(StatusCounts.None, (sum, c) => sum.Add(c)), byRequirement, IsLive: false);
            }));
        }
        var live = await dashboard.PartnershipAsync(cancellationToken);
        points.Add(new TrendPoint(live.Today, live.Overall, live.Totals, IsLive: true));
        return points;
    }
}

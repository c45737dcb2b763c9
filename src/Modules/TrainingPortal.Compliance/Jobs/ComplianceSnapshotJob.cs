using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;

namespace TrainingPortal.Compliance.Jobs;

/// <summary>
/// Keeps the partnership's counts per agency and requirement at each month-end (<see cref="ComplianceSnapshot"/>), so
/// the trend survives people leaving and changing groups. Monthly, just after midnight UK time on the 1st, it takes the
/// month just ended; at start-up it fills any of the last <see cref="ComplianceTrend.DefaultMonths"/> month-ends that have
/// no rows, from the training records and memberships as they stood that day. A month is written in one transaction
/// guarded by the primary key, so a retry or a second instance never stores it twice.
/// </summary>
public sealed class ComplianceSnapshotJob(PortalDbContext db, ComplianceCalculator calculator, TimeProvider clock, ILogger<ComplianceSnapshotJob> logger)
{
    public const string RecurringJobId = "compliance-snapshots";

    /// <summary>00:05 on the 1st of every month, in UK time (the recurring job is registered with <see cref="UkTime.Zone"/>).</summary>
    public const string MonthlySchedule = "5 0 1 * *";

    /// <summary>Stores the month that has just ended, if it is not stored yet. Returns the number of months stored (0 or 1).</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> TakeMonthJustEndedAsync(CancellationToken cancellationToken) =>
        await TakeAsync(ComplianceTrend.MonthEndsBefore(calculator.Today, 1)[0], cancellationToken) ? 1 : 0;

    /// <summary>Stores each of the last <see cref="ComplianceTrend.DefaultMonths"/> month-ends that has no rows. Returns the number of months stored.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var monthEnds = ComplianceTrend.MonthEndsBefore(calculator.Today, ComplianceTrend.DefaultMonths);
        var from = monthEnds[0];
        var stored = await db.Set<ComplianceSnapshot>().AsNoTracking().Where(s => s.AsAt >= from).Select(s => s.AsAt).Distinct().ToListAsync(cancellationToken);
        var taken = 0;
        foreach (var day in monthEnds.Except(stored))
        {
            if (await TakeAsync(day, cancellationToken))
            {
                taken++;
            }
        }
        return taken;
    }

    /// <summary>
    /// Counts every membership that counted at the end of <paramref name="asAt"/> against each requirement, from the
    /// records completed by then, and stores the counts per agency and requirement. Nothing is stored when that day
    /// already has rows or nobody counted. True when this call stored the month.
    /// </summary>
    public async Task<bool> TakeAsync(DateOnly asAt, CancellationToken cancellationToken = default)
    {
        if (await db.Set<ComplianceSnapshot>().AnyAsync(s => s.AsAt == asAt, cancellationToken))
        {
            return false;
        }
        var days = await calculator.DueSoonDaysAsync(cancellationToken);
        var counts = await calculator.CountsAsync(db.MembershipsAsAt(asAt), asAt, days, cancellationToken);
        if (counts.Count == 0)
        {
            return false;
        }
        var takenAt = clock.GetUtcNow().UtcDateTime;
        db.Set<ComplianceSnapshot>().AddRange(counts.Select(c => new ComplianceSnapshot
        {
            AsAt = asAt, AgencyId = c.AgencyId, RequirementId = c.RequirementId, TakenAt = takenAt,
            Met = c.Counts.Met, DueSoon = c.Counts.DueSoon, Expired = c.Counts.Expired, Missing = c.Counts.Missing,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored this month-end first: its rows stand and ours are dropped whole (one transaction).
            db.ChangeTracker.Clear();
            if (await db.Set<ComplianceSnapshot>().AnyAsync(s => s.AsAt == asAt, cancellationToken))
            {
                return false;
            }
            throw;
        }
        db.ChangeTracker.Clear();
        logger.LogInformation("Stored the compliance snapshot for {AsAt}: {Rows} agency and requirement counts", asAt, counts.Count);
        return true;
    }
}

/// <summary>Registers the monthly snapshot and fills missed month-ends at start-up (in-memory job storage forgets schedules).</summary>
internal sealed class ScheduleComplianceSnapshots(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<ComplianceSnapshotJob>(ComplianceSnapshotJob.RecurringJobId, job => job.TakeMonthJustEndedAsync(CancellationToken.None),
            ComplianceSnapshotJob.MonthlySchedule, new RecurringJobOptions { TimeZone = UkTime.Zone });
        jobs.Enqueue<ComplianceSnapshotJob>(job => job.CatchUpAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}

using Hangfire;
using Microsoft.Extensions.Configuration;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Jobs;

/// <summary>
/// Generates the bi-annual reports in the background. <see cref="RunAsync"/> carries out one run that a coordinator
/// queued. <see cref="CheckAsync"/> is the schedule and the catch-up in one: it runs daily (<see cref="ScheduleKey"/>,
/// 05:30 UK time by default) and at every start-up, picks up runs whose job was lost, and generates the period that
/// ended last if it has no completed run. Because periods are configurable (<c>Reporting:PeriodStartMonths</c>), a
/// daily check rather than a fixed date finds each period shortly after it ends, whatever the months, and a missed
/// day or a stopped server is caught up the next time the check runs.
/// </summary>
public sealed class BiAnnualReportJob(ReportGenerator generator, IBackgroundJobClient jobs)
{
    public const string RecurringJobId = "bi-annual-reports";

    /// <summary>Configuration key for the check's cron expression, read in UK time.</summary>
    public const string ScheduleKey = "Reporting:Schedule";

    /// <summary>05:30 every day, UK time.</summary>
    public const string DefaultSchedule = "30 5 * * *";

    /// <summary>Carries out a queued run; a retry or duplicate of a run that is finished or under way does nothing.</summary>
    [AutomaticRetry(Attempts = 3)]
    public Task<bool> RunAsync(Guid runId, CancellationToken cancellationToken) => generator.RunAsync(runId, cancellationToken);

    /// <summary>Re-queues runs whose job was lost, then generates the last ended period if it has none. Returns that run, or null.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<Guid?> CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var runId in await generator.UnfinishedRunsAsync(cancellationToken))
        {
            jobs.Enqueue<BiAnnualReportJob>(job => job.RunAsync(runId, CancellationToken.None));
        }
        return await generator.GenerateLastEndedAsync(cancellationToken);
    }
}

/// <summary>Registers the daily check and runs it once at start-up, so a missed period is caught up (in-memory job storage forgets schedules).</summary>
internal sealed class ScheduleBiAnnualReports(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs, IConfiguration configuration) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var schedule = configuration[BiAnnualReportJob.ScheduleKey];
        recurringJobs.AddOrUpdate<BiAnnualReportJob>(BiAnnualReportJob.RecurringJobId, job => job.CheckAsync(CancellationToken.None),
            string.IsNullOrWhiteSpace(schedule) ? BiAnnualReportJob.DefaultSchedule : schedule, new RecurringJobOptions { TimeZone = UkTime.Zone });
        jobs.Enqueue<BiAnnualReportJob>(job => job.CheckAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}

using Hangfire;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Modules;

namespace TrainingPortal.Agencies.Jobs;

/// <summary>
/// Checks and applies uploaded staff files in the background, so a large file shows its progress rather than holding
/// up a request. Each step is guarded by the import's status, so a retry or a second instance does nothing twice.
/// </summary>
public sealed class StaffImportJob(StaffImporter importer, IBackgroundJobClient jobs)
{
    public const string RecurringJobId = "staff-import-tidy";

    [AutomaticRetry(Attempts = 3)]
    public Task ValidateAsync(Guid importId, CancellationToken cancellationToken) => importer.ValidateAsync(importId, cancellationToken);

    [AutomaticRetry(Attempts = 3)]
    public Task ApplyAsync(Guid importId, CancellationToken cancellationToken) => importer.ApplyAsync(importId, cancellationToken);

    /// <summary>Deletes the files of abandoned imports; at start-up also resumes imports whose queued job was lost.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task TidyAsync(bool resume, CancellationToken cancellationToken)
    {
        await importer.ForgetAbandonedAsync(cancellationToken);
        if (!resume)
        {
            return;
        }
        foreach (var (id, status) in await importer.UnfinishedAsync(cancellationToken))
        {
            if (status == StaffImportStatus.Applying)
            {
                jobs.Enqueue<StaffImportJob>(job => job.ApplyAsync(id, CancellationToken.None));
            }
            else
            {
                jobs.Enqueue<StaffImportJob>(job => job.ValidateAsync(id, CancellationToken.None));
            }
        }
    }
}

/// <summary>Registers the hourly tidy-up and resumes unfinished imports at start-up (in-memory job storage forgets its queue).</summary>
internal sealed class ScheduleStaffImports(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<StaffImportJob>(StaffImportJob.RecurringJobId, job => job.TidyAsync(false, CancellationToken.None), Cron.Hourly());
        jobs.Enqueue<StaffImportJob>(job => job.TidyAsync(true, CancellationToken.None));
        return Task.CompletedTask;
    }
}

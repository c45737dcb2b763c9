using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Jobs;

/// <summary>
/// Emails a published guide's author and the training unit when its review date is 30 days away (or nearer, after a
/// missed run). Each review date is reminded once, claimed by a conditional update on
/// <see cref="SevenMinuteGuide.ReviewReminderSentFor"/>, so a retry, a second instance or a catch-up sends nothing twice.
/// </summary>
public sealed class GuideReviewReminderJob(PortalDbContext db, GuideMail mail, TimeProvider clock)
{
    public const string RecurringJobId = "guide-review-reminders";

    public const int DaysBefore = 30;

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var horizon = UkTime.Today(clock).AddDays(DaysBefore);
        var due = await (from g in db.Set<SevenMinuteGuide>().AsNoTracking()
                         where !g.IsRetired && g.ReviewDate != null && g.ReviewDate <= horizon
                         where g.ReviewReminderSentFor == null || g.ReviewReminderSentFor != g.ReviewDate
                         from v in db.Set<GuideVersion>().Where(v => v.GuideId == g.Id && v.Status == GuideVersionStatus.Published)
                         select new { g.Id, g.Number, g.AuthorUserId, ReviewDate = g.ReviewDate!.Value, v.Title })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var guide in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Set<SevenMinuteGuide>()
                .Where(g => g.Id == guide.Id && g.ReviewDate == guide.ReviewDate && (g.ReviewReminderSentFor == null || g.ReviewReminderSentFor != guide.ReviewDate))
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.ReviewReminderSentFor, guide.ReviewDate), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            await mail.ReviewDueAsync(guide.Number, guide.Title, guide.AuthorUserId, guide.ReviewDate, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}

/// <summary>Registers the daily run at 06:15 UK time and catches up at start-up (in-memory job storage forgets schedules).</summary>
internal sealed class ScheduleGuideReviewReminders(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<GuideReviewReminderJob>(GuideReviewReminderJob.RecurringJobId, job => job.SendDueAsync(CancellationToken.None),
            Cron.Daily(6, 15), new RecurringJobOptions { TimeZone = UkTime.Zone });
        jobs.Enqueue<GuideReviewReminderJob>(job => job.SendDueAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}

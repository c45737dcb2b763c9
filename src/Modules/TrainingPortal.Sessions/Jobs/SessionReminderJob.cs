using Hangfire;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Jobs;

/// <summary>
/// Emails everyone with a place a reminder the configured number of days before their session. Each booking is
/// reminded once (marked by a conditional update), so a retry, a second instance or a catch-up run sends nothing twice.
/// </summary>
public sealed class SessionReminderJob(PortalDbContext db, PortalSettings settings, SessionMail mail, TimeProvider clock)
{
    public const string RecurringJobId = "session-reminders";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = (await SessionSettings.ReadAsync(settings, cancellationToken)).ReminderDaysBefore;
        var horizon = now.AddDays(days);
        var due = await (from b in db.Set<Booking>().AsNoTracking()
                         where b.Status == BookingStatus.Booked && b.ReminderSentAt == null
                         join s in db.Set<Session>() on b.SessionId equals s.Id
                         where s.Status == SessionStatus.Scheduled && s.StartsAtUtc > now && s.StartsAtUtc <= horizon
                         select b.Id).Take(5_000).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var bookingId in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Set<Booking>().Where(b => b.Id == bookingId && b.ReminderSentAt == null && b.Status == BookingStatus.Booked)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReminderSentAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            await mail.ReminderAsync(await mail.FactsAsync(bookingId, cancellationToken), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}

/// <summary>Registers the hourly reminder run and catches up at start-up (in-memory job storage forgets schedules).</summary>
internal sealed class ScheduleSessionReminders(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<SessionReminderJob>(SessionReminderJob.RecurringJobId, job => job.SendDueAsync(CancellationToken.None), Cron.Hourly());
        jobs.Enqueue<SessionReminderJob>(job => job.SendDueAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}

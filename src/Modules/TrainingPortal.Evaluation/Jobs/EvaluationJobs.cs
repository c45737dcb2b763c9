using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Jobs;

/// <summary>Asks for the evaluation of new completions every ten minutes and once at start-up.</summary>
public sealed class EvaluationInvitationJob(EvaluationInvitations invitations)
{
    public const string RecurringJobId = "evaluation-invitations";

    public const string Schedule = "*/10 * * * *";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<int> InviteAsync(CancellationToken cancellationToken) => invitations.InviteAsync(cancellationToken);
}

/// <summary>What one follow-up run did.</summary>
public sealed record FollowUpRun(int Sent, int Skipped, int Reminded);

/// <summary>
/// Sends the impact follow-up for completions <see cref="EvaluationSettings.FollowUpMonthsKey"/> months old (people who
/// have left every agency are skipped, not asked), and one reminder <see cref="EvaluationSettings.FollowUpReminderDays"/>
/// days later to those who have not answered. Daily at 07:00 UK time and once at start-up. A follow-up row is keyed by
/// its request and a reminder is claimed by a conditional update, so a retry or a second instance sends nothing twice.
/// </summary>
public sealed class EvaluationFollowUpJob(PortalDbContext db, PortalSettings settings, EvaluationMail mail, TimeProvider clock, ILogger<EvaluationFollowUpJob> logger)
{
    public const string RecurringJobId = "evaluation-follow-ups";

    public const string DailySchedule = "0 7 * * *";

    private const int BatchSize = 200;

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<FollowUpRun> SendAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var months = await EvaluationSettings.FollowUpMonthsAsync(settings, cancellationToken);
        var dueBy = today.AddMonths(-months);
        int sent = 0, skipped = 0;
        var claimedElsewhere = new HashSet<Guid>();
        while (true)
        {
            var batch = await (from r in db.Set<EvaluationRequest>().AsNoTracking()
                               where r.CompletedOn <= dueBy && r.FollowUp == null && !claimedElsewhere.Contains(r.Id)
                               join p in db.AllPractitioners() on r.PractitionerId equals p.Id
                               join v in db.AllCourseVersions() on r.CourseVersionId equals v.Id
                               orderby r.CompletedOn, r.Id
                               select new
                               {
                                   r.Id, r.TrainingRecordId, r.CompletedOn, p.Email, p.FirstName, p.LastName, v.Title,
                                   OnStaff = db.CurrentMemberships(today).Any(m => m.PractitionerId == r.PractitionerId),
                               }).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var item in batch)
            {
                var asked = item.OnStaff && !string.IsNullOrWhiteSpace(item.Email);
                db.Set<FollowUp>().Add(new FollowUp
                {
                    RequestId = item.Id,
                    DueOn = item.CompletedOn.AddMonths(months),
                    Status = asked ? FollowUpStatus.Sent : FollowUpStatus.Skipped,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
                if (asked)
                {
                    await mail.FollowUpAsync(item.Email!, item.FirstName, item.LastName, item.TrainingRecordId, item.Title, item.CompletedOn, reminder: false, cancellationToken);
                }
                if (!await SaveClaimAsync(item.Id, cancellationToken))
                {
                    claimedElsewhere.Add(item.Id);
                }
                else if (asked)
                {
                    sent++;
                }
                else
                {
                    skipped++;
                }
            }
        }
        var reminded = await RemindAsync(today, cancellationToken);
        if (sent + skipped + reminded > 0)
        {
            logger.LogInformation("Evaluation follow-ups: {Sent} sent, {Skipped} skipped (left), {Reminded} reminded", sent, skipped, reminded);
        }
        return new FollowUpRun(sent, skipped, reminded);
    }

    /// <summary>One reminder for each follow-up unanswered after the reminder interval, to people still on an agency's staff.</summary>
    private async Task<int> RemindAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sentBefore = now.AddDays(-EvaluationSettings.FollowUpReminderDays);
        var due = await (from f in db.Set<FollowUp>().AsNoTracking()
                         where f.Status == FollowUpStatus.Sent && f.ReminderSentAt == null && f.CreatedAt <= sentBefore
                         join r in db.Set<EvaluationRequest>() on f.RequestId equals r.Id
                         join p in db.AllPractitioners() on r.PractitionerId equals p.Id
                         join v in db.AllCourseVersions() on r.CourseVersionId equals v.Id
                         where p.Email != null && db.CurrentMemberships(today).Any(m => m.PractitionerId == r.PractitionerId)
                         select new { f.RequestId, r.TrainingRecordId, r.CompletedOn, Email = p.Email!, p.FirstName, p.LastName, v.Title })
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var item in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Claim the reminder first: a run that finds it claimed sends nothing.
            var claimed = await db.Set<FollowUp>()
                .Where(f => f.RequestId == item.RequestId && f.Status == FollowUpStatus.Sent && f.ReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ReminderSentAt, now), cancellationToken);
            if (claimed == 1)
            {
                await mail.FollowUpAsync(item.Email, item.FirstName, item.LastName, item.TrainingRecordId, item.Title, item.CompletedOn, reminder: true, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                reminded++;
            }
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return reminded;
    }

    private async Task<bool> SaveClaimAsync(Guid requestId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "The follow-up of evaluation request {RequestId} was already made by another run", requestId);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>Registers the evaluation jobs and catches up at start-up (in-memory job storage forgets schedules).</summary>
internal sealed class ScheduleEvaluationJobs(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<EvaluationInvitationJob>(EvaluationInvitationJob.RecurringJobId, job => job.InviteAsync(CancellationToken.None),
            EvaluationInvitationJob.Schedule, new RecurringJobOptions { TimeZone = UkTime.Zone });
        recurringJobs.AddOrUpdate<EvaluationFollowUpJob>(EvaluationFollowUpJob.RecurringJobId, job => job.SendAsync(CancellationToken.None),
            EvaluationFollowUpJob.DailySchedule, new RecurringJobOptions { TimeZone = UkTime.Zone });
        jobs.Enqueue<EvaluationInvitationJob>(job => job.InviteAsync(CancellationToken.None));
        jobs.Enqueue<EvaluationFollowUpJob>(job => job.SendAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}

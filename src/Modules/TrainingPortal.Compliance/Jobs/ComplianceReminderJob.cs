using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Jobs;

/// <summary>
/// Emails current staff whose required training has fallen due for renewal or expired: one email per person listing
/// everything new, each requirement at most once per status and expiry. Each reminder is claimed by inserting a
/// <see cref="ComplianceReminder"/> row, which a unique index guards, in the same save as the email, so a retry, a
/// second instance or a catch-up run never sends it twice. People who asked for a weekly or monthly summary are only
/// written to when the last reminder was at least 7 or 30 days ago; what was due meanwhile waits for that email.
/// </summary>
public sealed class ComplianceReminderJob(
    PortalDbContext db, ComplianceCalculator calculator, ComplianceMail mail, NotificationPreferences preferences,
    TimeProvider clock, ILogger<ComplianceReminderJob> logger)
{
    public const string RecurringJobId = "compliance-reminders";

    /// <summary>06:00 every day, UK time: before the working day, after the night's imports.</summary>
    public const string Schedule = "0 6 * * *";

    private const int BatchSize = 500;

    /// <summary>Sends what is due and returns how many people were emailed.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var today = calculator.Today;
        var days = await calculator.DueSoonDaysAsync(cancellationToken);
        var requirements = (await calculator.RequirementsAsync(cancellationToken)).ToDictionary(r => r.Id);
        var candidates = calculator.UnremindedDueOrExpired(today, days);
        var sent = 0;
        Guid? after = null;
        while (true)
        {
            // A slice of people at a time, in id order: each query assesses only that slice, so the run grows with the workforce.
            var people = db.Set<Practitioner>().AsNoTracking().Where(p => p.Email != null);
            if (after is { } last)
            {
                people = people.Where(p => p.Id.CompareTo(last) > 0);
            }
            var batch = await people.OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return sent;
            }
            after = batch[^1];
            sent += await SendBatchAsync(batch, candidates, requirements, today, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> SendBatchAsync(
        IReadOnlyList<Guid> batch, IQueryable<ReminderCandidate> candidates, IReadOnlyDictionary<Guid, RequirementSummary> requirements,
        DateOnly today, CancellationToken cancellationToken)
    {
        var due = (await candidates.Where(c => batch.Contains(c.PractitionerId)).ToListAsync(cancellationToken)).ToLookup(c => c.PractitionerId);
        if (due.Count == 0)
        {
            return 0;
        }
        var waiting = due.Select(d => d.Key).ToList();
        var people = await db.Set<Practitioner>().AsNoTracking().Where(p => waiting.Contains(p.Id) && p.Email != null)
            .Select(p => new { p.Id, p.FirstName, p.LastName, Email = p.Email!, p.UserId })
            .ToListAsync(cancellationToken);
        var frequencies = await preferences.FrequenciesAsync(ComplianceNotificationTopics.Reminders,
            people.Where(p => p.UserId != null).Select(p => p.UserId!.Value).ToList(), cancellationToken);
        var lastSent = await db.Set<ComplianceReminder>().AsNoTracking().Where(r => waiting.Contains(r.PractitionerId))
            .GroupBy(r => r.PractitionerId)
            .Select(g => new { PractitionerId = g.Key, SentAt = g.Max(r => r.SentAt) })
            .ToDictionaryAsync(r => r.PractitionerId, r => r.SentAt, cancellationToken);

        var sent = 0;
        foreach (var person in people)
        {
            var frequency = frequencies.For(person.UserId);
            if (!IsDue(frequency, lastSent.TryGetValue(person.Id, out var at) ? at : null, today))
            {
                continue;
            }
            var items = due[person.Id].Where(c => requirements.ContainsKey(c.RequirementId))
                .OrderBy(c => requirements[c.RequirementId].Order).ThenBy(c => requirements[c.RequirementId].Name)
                .ToList();
            if (items.Count > 0 && await ClaimAndSendAsync(person.Id, person.Email, $"{person.FirstName} {person.LastName}", items, requirements, frequency, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    /// <summary>Saves the reminder rows and the email together; false when another run already claimed one of them.</summary>
    private async Task<bool> ClaimAndSendAsync(
        Guid practitionerId, string email, string name, IReadOnlyList<ReminderCandidate> items,
        IReadOnlyDictionary<Guid, RequirementSummary> requirements, NotificationFrequency frequency, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in items)
        {
            db.Set<ComplianceReminder>().Add(new ComplianceReminder
            {
                PractitionerId = practitionerId, RequirementId = item.RequirementId, Status = item.Status, ExpiresOn = item.ExpiresOn, SentAt = now,
            });
        }
        var details = items.Select(i => new RequirementDetail(requirements[i.RequirementId], i.Status, null, null, i.ExpiresOn)).ToList();
        await mail.DueReminderAsync(email, name, details, frequency, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // The unique index refused a reminder another run has just sent: that run's email covers this person.
            logger.LogInformation(ex, "Compliance reminder for practitioner {PractitionerId} was already claimed by another run", practitionerId);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Whether a person's chosen frequency lets them be written to today, given when they were last reminded.</summary>
    private static bool IsDue(NotificationFrequency frequency, DateTime? lastSentUtc, DateOnly today)
    {
        if (lastSentUtc is not { } last)
        {
            return frequency != NotificationFrequency.Off;
        }
        var lastDay = DateOnly.FromDateTime(UkTime.FromUtc(last));
        return frequency switch
        {
            NotificationFrequency.Immediately => true,
            NotificationFrequency.Weekly => lastDay <= today.AddDays(-7),
            NotificationFrequency.Monthly => lastDay <= today.AddDays(-30),
            _ => false,
        };
    }
}

/// <summary>Registers the daily reminder run and the Monday summary, and catches both up at start-up (in-memory job storage forgets schedules).</summary>
internal sealed class ScheduleComplianceEmails(IRecurringJobManager recurringJobs, IBackgroundJobClient jobs) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var uk = new RecurringJobOptions { TimeZone = UkTime.Zone };
        recurringJobs.AddOrUpdate<ComplianceReminderJob>(ComplianceReminderJob.RecurringJobId, job => job.SendDueAsync(CancellationToken.None), ComplianceReminderJob.Schedule, uk);
        recurringJobs.AddOrUpdate<ComplianceDigestJob>(ComplianceDigestJob.RecurringJobId, job => job.SendDueAsync(CancellationToken.None), ComplianceDigestJob.Schedule, uk);
        jobs.Enqueue<ComplianceReminderJob>(job => job.SendDueAsync(CancellationToken.None));
        jobs.Enqueue<ComplianceDigestJob>(job => job.SendDueAsync(CancellationToken.None));
        return Task.CompletedTask;
    }
}

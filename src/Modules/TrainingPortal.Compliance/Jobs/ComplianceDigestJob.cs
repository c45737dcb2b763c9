using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Jobs;

/// <summary>
/// Emails each safeguarding lead, on Monday morning, what changed last week (Monday to Sunday) in each agency they
/// lead. One summary per lead per week: a <see cref="ComplianceDigest"/> row, keyed on lead and week, is saved with
/// the email, so a retry, a second instance or a catch-up run later in the week never sends it again. Leads who
/// turned the summary off get nothing.
/// </summary>
public sealed class ComplianceDigestJob(
    PortalDbContext db, ComplianceCalculator calculator, ComplianceDashboard dashboard, ComplianceMail mail, NotificationPreferences preferences,
    IEnumerable<ILeadSummarySection> otherSections, TimeProvider clock, ILogger<ComplianceDigestJob> logger)
{
    public const string RecurringJobId = "compliance-digest";

    /// <summary>07:00 on Mondays, UK time.</summary>
    public const string Schedule = "0 7 * * 1";

    /// <summary>Sends last week's summary to every lead who has not had it and returns how many were sent.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var week = ComplianceWeek.LastCompleteBefore(calculator.Today);
        // One row per lead and agency: bounded by the number of agencies, not the workforce.
        var leads = (await (from l in db.LeadContacts(onlyHoldingLeadRole: true)
                            join a in db.Set<Agency>() on l.AgencyId equals a.Id
                            where a.IsActive && !db.Set<ComplianceDigest>().Any(d => d.LeadUserId == l.UserId && d.WeekStarting == week.Start)
                            orderby a.Name
                            select new { Id = l.UserId, l.Email, l.FirstName, l.LastName, AgencyId = a.Id })
                .ToListAsync(cancellationToken))
            .GroupBy(l => l.Id)
            .ToList();
        if (leads.Count == 0)
        {
            return 0;
        }
        var frequencies = await preferences.FrequenciesAsync(ComplianceNotificationTopics.Digest, leads.Select(l => l.Key).ToList(), cancellationToken);
        var agencyIds = leads.SelectMany(l => l.Select(x => x.AgencyId)).Distinct().ToList();
        var otherLines = new List<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>();
        foreach (var section in otherSections)
        {
            otherLines.Add(await section.LinesAsync(agencyIds, calculator.Today, cancellationToken));
        }
        var weeks = new Dictionary<Guid, AgencyWeek?>();
        var sent = 0;
        foreach (var lead in leads)
        {
            if (frequencies.For(lead.Key) == NotificationFrequency.Off)
            {
                continue;
            }
            var agencies = new List<AgencyWeek>();
            foreach (var agencyId in lead.Select(l => l.AgencyId))
            {
                if (!weeks.TryGetValue(agencyId, out var summary))
                {
                    weeks[agencyId] = summary = await dashboard.WeekAsync(agencyId, week, cancellationToken);
                }
                if (summary is not null)
                {
                    agencies.Add(summary);
                }
            }
            var first = lead.First();
            if (agencies.Count > 0 && await ClaimAndSendAsync(lead.Key, first.Email, $"{first.FirstName} {first.LastName}", week, agencies, otherLines, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    private async Task<bool> ClaimAndSendAsync(
        Guid leadUserId, string email, string name, ComplianceWeek week, IReadOnlyList<AgencyWeek> agencies,
        IReadOnlyList<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> otherLines, CancellationToken cancellationToken)
    {
        db.Set<ComplianceDigest>().Add(new ComplianceDigest { LeadUserId = leadUserId, WeekStarting = week.Start, SentAt = clock.GetUtcNow().UtcDateTime });
        await mail.DigestAsync(email, name, agencies, agencyId => otherLines.SelectMany(l => l.GetValueOrDefault(agencyId) ?? []).ToList(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            // Another run sent this lead's summary for the week first.
            logger.LogInformation(ex, "The weekly summary for lead {UserId} was already sent by another run", leadUserId);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

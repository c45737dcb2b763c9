using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Compliance.Services;

/// <summary>What happened when a lead reminded the people they selected.</summary>
public sealed record RemindResult(int Sent, int NothingOutstanding, int NoEmail);

/// <summary>Reminders a safeguarding lead sends by hand from the dashboard to the staff they select.</summary>
public sealed class ComplianceReminders(
    PortalDbContext db, AgencyScope scope, ComplianceCalculator calculator, ComplianceMail mail, AuditTrail audit, ICurrentUser currentUser)
{
    /// <summary>More than this at once is a mail-out, not a reminder: the lead is asked to filter first.</summary>
    public const int MaxSelected = 200;

    /// <summary>
    /// Emails each selected member of the agency's current staff who has something outstanding (due soon, expired or
    /// missing), and records each reminder in the audit trail. People with nothing to do, or no email address, are skipped.
    /// </summary>
    public async Task<OperationResult<RemindResult>> RemindSelectedAsync(Guid agencyId, IReadOnlyCollection<Guid> practitionerIds, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult<RemindResult>.Failed("", "You cannot remind that agency's staff.");
        }
        var selected = practitionerIds.Distinct().ToList();
        if (selected.Count == 0)
        {
            return OperationResult<RemindResult>.Failed("Selected", "Select the people to remind");
        }
        if (selected.Count > MaxSelected)
        {
            return OperationResult<RemindResult>.Failed("Selected", $"Select {MaxSelected} people or fewer at a time; filter the list to narrow it down");
        }
        var people = await db.MembershipsInPost(calculator.Today)
            .Where(m => m.AgencyId == agencyId && selected.Contains(m.PractitionerId))
            .Select(m => new { m.PractitionerId, m.Practitioner!.FirstName, m.Practitioner.LastName, m.Practitioner.Email })
            .ToListAsync(cancellationToken);
        var leadName = await db.Set<PortalUser>().Where(u => u.Id == currentUser.UserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(cancellationToken);
        int sent = 0, nothing = 0, noEmail = 0;
        var needsOf = await calculator.NeedsAsync(people.Select(p => p.PractitionerId).ToList(), agencyId, cancellationToken);
        foreach (var person in people)
        {
            var outstanding = needsOf.GetValueOrDefault(person.PractitionerId, []).SelectMany(n => n.Requirements).Where(r => r.Status != ComplianceStatus.Met).ToList();
            if (outstanding.Count == 0)
            {
                nothing++;
                continue;
            }
            if (person.Email is null)
            {
                noEmail++;
                continue;
            }
            await mail.ReminderAsync(person.Email, $"{person.FirstName} {person.LastName}", outstanding, leadName, cancellationToken);
            audit.Record("Compliance reminder sent", "Practitioner", person.PractitionerId,
                $"By the agency's lead: {string.Join("; ", outstanding.Select(o => $"{o.Requirement.Name} ({ComplianceRules.Text(o.Status)})"))}");
            sent++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<RemindResult>.Ok(new RemindResult(sent, nothing + (selected.Count - people.Count), noEmail));
    }
}

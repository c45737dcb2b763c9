using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Once an account has proven its email address: joins it to the learning record with that address (or starts one),
/// and asks the chosen agency's leads to confirm the membership the person registered for. This is the only place a
/// self-registered or invited account is linked to an existing practitioner.
/// </summary>
public sealed class RegistrationConfirmation(PortalDbContext db, Outbox outbox, PublicUrls urls, AuditTrail audit, TimeProvider clock) : IAccountConfirmationHandler
{
    public async Task AccountConfirmedAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var email = StaffRecords.NormaliseEmail(user.Email)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var practitioner = await db.Set<Practitioner>().SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken)
            ?? await db.Set<Practitioner>().SingleOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (practitioner is null)
        {
            practitioner = new Practitioner { Id = Guid.NewGuid(), FirstName = user.FirstName, LastName = user.LastName, Email = email, CreatedAt = now };
            db.Set<Practitioner>().Add(practitioner);
            audit.Record("Practitioner registered", "Practitioner", practitioner.Id, $"Name: {practitioner.FullName}");
        }
        if (practitioner.UserId is null)
        {
            practitioner.UserId = user.Id;
            audit.Record("Account linked", "Practitioner", practitioner.Id, $"Email confirmed by the account holder: {email}");
        }
        else if (practitioner.UserId != user.Id)
        {
            // The record already belongs to another account; this one starts without a learning record.
            return;
        }

        var pending = await db.Set<PendingRegistration>().SingleOrDefaultAsync(r => r.UserId == user.Id, cancellationToken);
        if (pending is null)
        {
            return;
        }
        db.Set<PendingRegistration>().Remove(pending);
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == pending.AgencyId && a.IsActive, cancellationToken);
        if (agency is null || await db.Set<AgencyMembership>().AnyAsync(m => m.PractitionerId == practitioner.Id && m.AgencyId == agency.Id, cancellationToken))
        {
            return;
        }
        var membership = new AgencyMembership
        {
            Id = Guid.NewGuid(), PractitionerId = practitioner.Id, AgencyId = agency.Id, JobTitle = pending.JobTitle,
            Status = MembershipStatus.AwaitingConfirmation, CreatedAt = now,
        };
        db.Set<AgencyMembership>().Add(membership);
        audit.Record("Membership requested", "Membership", membership.Id, $"Agency: {agency.Name}; Job title: {membership.JobTitle}");
        await TellLeadsAsync(agency, practitioner, cancellationToken);
    }

    private async Task TellLeadsAsync(Agency agency, Practitioner practitioner, CancellationToken cancellationToken)
    {
        var leads = await db.LeadContacts().Where(l => l.AgencyId == agency.Id)
            .Select(l => new { l.Email, l.FirstName, Name = l.FirstName + " " + l.LastName })
            .ToListAsync(cancellationToken);
        var link = urls.Absolute($"/agencies/{agency.Id}/practitioners?status=AwaitingConfirmation");
        foreach (var lead in leads)
        {
            await outbox.EnqueueAsync("RegistrationToConfirm", lead.Email, lead.Name,
                new EmailContent($"{practitioner.FullName} says they work for {agency.Name}", $"Dear {lead.FirstName},",
                    [$"{practitioner.FullName} ({practitioner.Email}) has registered on the neglect training portal and says they work for {agency.Name}.",
                     "Please confirm whether they do, so their training counts towards your agency's figures."])
                { ActionText = "Review people awaiting confirmation", ActionUrl = link },
                cancellationToken: cancellationToken);
        }
    }
}

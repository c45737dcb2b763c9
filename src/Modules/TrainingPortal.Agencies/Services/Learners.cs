using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// The learning record of the signed-in person. Anyone who signs in can learn: a coordinator or lead without a
/// practitioner record gets one, linked to their account (found by email first, so one person keeps one record,
/// but only for an account whose email address has been proven).
/// </summary>
public sealed class Learners(PortalDbContext db, ICurrentUser currentUser, UserManager<PortalUser> users, TimeProvider clock)
{
    private Guid? practitionerId;

    /// <summary>The current user's practitioner id, or null when they have none yet.</summary>
    public async Task<Guid?> FindCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (practitionerId is not null || currentUser.UserId is not { } userId)
        {
            return practitionerId;
        }
        practitionerId = await db.Set<Practitioner>().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return practitionerId;
    }

    /// <summary>The current user's practitioner id, creating or linking the record on first use.</summary>
    public async Task<Guid> EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (await FindCurrentAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        var userId = currentUser.UserId ?? throw new InvalidOperationException("Nobody is signed in.");
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("The account no longer exists.");
        var email = user.Email!.ToLowerInvariant();
        var person = await db.Set<Practitioner>().SingleOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (person is not null && (person.UserId is not null || !user.EmailConfirmed))
        {
            throw new InvalidOperationException("The learning record with this email address belongs to someone who has not proven this account is theirs.");
        }
        if (person is null)
        {
            person = new Practitioner { Id = Guid.NewGuid(), FirstName = user.FirstName, LastName = user.LastName, Email = email, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Set<Practitioner>().Add(person);
        }
        person.UserId = userId;
        await db.SaveChangesAsync(cancellationToken);
        practitionerId = person.Id;
        return person.Id;
    }

    /// <summary>
    /// The learning record of whoever has <paramref name="email"/>, for recipes that name people (a trainer's licence):
    /// the practitioner with that address, or else a new one linked to the account that has it. Null when there is
    /// neither. The recipe is the operator's word for who the person is, so the account's address need not be proven.
    /// </summary>
    public async Task<Guid?> EnsureForEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        email = email.Trim().ToLowerInvariant();
        var existing = await db.Set<Practitioner>().Where(p => p.Email == email).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }
        var person = new Practitioner { Id = Guid.NewGuid(), FirstName = user.FirstName, LastName = user.LastName, Email = email, UserId = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Set<Practitioner>().Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }

    /// <summary>Sector and workforce group ids of the person's current memberships, for "is this course for me".</summary>
    public async Task<(IReadOnlyList<int> Sectors, IReadOnlyList<int> Groups)> ProfileAsync(Guid practitioner, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var memberships = await db.CurrentMemberships(today)
            .Where(m => m.PractitionerId == practitioner)
            .Select(m => new { m.Agency!.SectorId, m.WorkforceGroupId })
            .ToListAsync(cancellationToken);
        return (memberships.Select(m => m.SectorId).Distinct().ToList(), memberships.Where(m => m.WorkforceGroupId != null).Select(m => m.WorkforceGroupId!.Value).Distinct().ToList());
    }

    /// <summary>The person's display name, for certificates.</summary>
    public async Task<string?> NameAsync(Guid practitioner, CancellationToken cancellationToken = default) =>
        await db.Set<Practitioner>().Where(p => p.Id == practitioner).Select(p => p.FirstName + " " + p.LastName).SingleOrDefaultAsync(cancellationToken);
}

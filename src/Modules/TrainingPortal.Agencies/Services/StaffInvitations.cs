using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Invites a member of staff who has no account to sign in: they get an account with no password and an email
/// with a link to set one. Nobody else ever knows the password, and the account is joined to the person's learning
/// record only when they follow the link (<see cref="RegistrationConfirmation"/>).
/// </summary>
public sealed class StaffInvitations(PortalDbContext db, AgencyScope scope, UserAccounts accounts, UserManager<PortalUser> users, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The most invitations one click sends; a larger staff list is invited a batch at a time.</summary>
    public const int MaxPerBatch = 200;

    /// <summary>How many current staff of the agency have an email address but no account and no invitation yet.</summary>
    public async Task<int> UninvitedCountAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        await scope.CanManageAsync(agencyId, cancellationToken) ? await Uninvited(agencyId).CountAsync(cancellationToken) : 0;

    /// <summary>
    /// Invites up to <see cref="MaxPerBatch"/> of the agency's current staff who have an email address and no
    /// account (for example people just imported from a spreadsheet), each with their own link.
    /// </summary>
    public async Task<OperationResult<int>> InviteAllAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult<int>.Failed("", "You cannot invite that agency's staff.");
        }
        var people = await Uninvited(agencyId)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, p.FirstName, p.LastName, Email = p.Email! })
            .Take(MaxPerBatch)
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            var account = await accounts.EnsureAccountAsync(person.Email, person.FirstName, person.LastName, [Roles.Practitioner], cancellationToken: cancellationToken);
            if (!account.Succeeded)
            {
                return OperationResult<int>.Failed("", $"{person.FirstName} {person.LastName}: {string.Join(" ", account.Errors.Select(e => e.Message))}");
            }
            audit.Record("Invited to sign in", "Practitioner", person.Id, $"Email: {person.Email}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<int>.Ok(people.Count);
    }

    /// <summary>Current staff with an email address that no account uses yet.</summary>
    private IQueryable<Practitioner> Uninvited(Guid agencyId)
    {
        var accounts = db.Accounts();
        return db.CurrentMemberships(TrainingPortal.Core.UkTime.Today(clock)).Where(m => m.AgencyId == agencyId)
            .Select(m => m.Practitioner!)
            .Where(p => p.UserId == null && p.Email != null && !accounts.Any(u => u.NormalizedEmail == p.Email.ToUpper()));
    }

    public async Task<OperationResult> InviteAsync(Guid agencyId, Guid practitionerId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult.Failed("", "You cannot invite that agency's staff.");
        }
        var person = await db.Set<AgencyMembership>().AsNoTracking()
            .Where(m => m.AgencyId == agencyId && m.PractitionerId == practitionerId && m.Status == MembershipStatus.Confirmed)
            .Select(m => new { m.Practitioner!.FirstName, m.Practitioner.LastName, m.Practitioner.Email, m.Practitioner.UserId })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return OperationResult.Failed("", "Only confirmed members of your agency's staff can be invited.");
        }
        if (person.UserId is not null)
        {
            return OperationResult.Failed("", "They already have an account.");
        }
        if (person.Email is null)
        {
            return OperationResult.Failed("", "Add their email address before inviting them.");
        }
        if (await users.FindByEmailAsync(person.Email) is not null)
        {
            return OperationResult.Failed("", "An account already uses their email address. They can sign in, or set a new password from the sign-in page.");
        }
        var account = await accounts.EnsureAccountAsync(person.Email, person.FirstName, person.LastName, [Roles.Practitioner], cancellationToken: cancellationToken);
        if (!account.Succeeded)
        {
            return OperationResult.Failed(account.Errors.Select(e => e with { Field = "" }));
        }
        audit.Record("Invited to sign in", "Practitioner", practitionerId, $"Email: {person.Email}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }
}

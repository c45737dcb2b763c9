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
public sealed class StaffInvitations(PortalDbContext db, AgencyScope scope, UserAccounts accounts, UserManager<PortalUser> users, AuditTrail audit)
{
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

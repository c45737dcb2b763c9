using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Agencies.Services;

public sealed class RegistrationInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public Guid? AgencyId { get; set; }
    public string? JobTitle { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// A practitioner signing themselves up: they get an account straight away and a membership of the agency they
/// chose, which stays awaiting confirmation until that agency's safeguarding lead confirms they work there.
/// </summary>
public sealed class PractitionerRegistration(
    PortalDbContext db, UserManager<PortalUser> users, Outbox outbox, PublicUrls urls, AuditTrail audit, TimeProvider clock)
{
    public async Task<OperationResult<PortalUser>> RegisterAsync(RegistrationInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var email = StaffRecords.NormaliseEmail(input.Email);
        if (string.IsNullOrWhiteSpace(input.FirstName))
        {
            errors.Add(new("FirstName", "Enter your first name"));
        }
        if (string.IsNullOrWhiteSpace(input.LastName))
        {
            errors.Add(new("LastName", "Enter your last name"));
        }
        if (email is null)
        {
            errors.Add(new("Email", "Enter your work email address"));
        }
        else if (!StaffRecords.IsValidEmail(email))
        {
            errors.Add(new("Email", "Enter an email address in the correct format, like name@example.org"));
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(new("Email", "An account already uses this email address. Sign in, or reset your password if you have forgotten it."));
        }
        var agency = input.AgencyId is null ? null : await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId && a.IsActive, cancellationToken);
        if (agency is null)
        {
            errors.Add(new("AgencyId", "Select the agency you work for"));
        }
        if (string.IsNullOrWhiteSpace(input.JobTitle))
        {
            errors.Add(new("JobTitle", "Enter your job title"));
        }
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add(new("Password", "Enter a password"));
        }
        if (errors.Count > 0)
        {
            return OperationResult<PortalUser>.Failed(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = false, LockoutEnabled = true,
            FirstName = input.FirstName!.Trim(), LastName = input.LastName!.Trim(), CreatedAt = now,
        };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return OperationResult<PortalUser>.Failed(created.Errors.Select(e => new FieldError(e.Code.StartsWith("Password") ? "Password" : "Email", e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Practitioner);

        var practitioner = await db.Set<Practitioner>().SingleOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (practitioner is null)
        {
            practitioner = new Practitioner { Id = Guid.NewGuid(), FirstName = user.FirstName, LastName = user.LastName, Email = email, CreatedAt = now };
            db.Set<Practitioner>().Add(practitioner);
            audit.Record("Practitioner registered", "Practitioner", practitioner.Id, $"Name: {practitioner.FullName}");
        }
        practitioner.UserId = user.Id;
        if (!await db.Set<AgencyMembership>().AnyAsync(m => m.PractitionerId == practitioner.Id && m.AgencyId == agency!.Id, cancellationToken))
        {
            var membership = new AgencyMembership
            {
                Id = Guid.NewGuid(), PractitionerId = practitioner.Id, AgencyId = agency!.Id, JobTitle = input.JobTitle!.Trim(),
                Status = MembershipStatus.AwaitingConfirmation, CreatedAt = now,
            };
            db.Set<AgencyMembership>().Add(membership);
            audit.Record("Membership requested", "Membership", membership.Id, $"Agency: {agency.Name}; Job title: {membership.JobTitle}");
            await TellLeadsAsync(agency, practitioner, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult<PortalUser>.Ok(user);
    }

    private async Task TellLeadsAsync(Agency agency, Practitioner practitioner, CancellationToken cancellationToken)
    {
        var leads = await db.Set<AgencyLead>().Where(l => l.AgencyId == agency.Id)
            .Join(db.Set<PortalUser>(), l => l.UserId, u => u.Id, (l, u) => new { u.Email, u.FirstName, Name = u.FirstName + " " + u.LastName })
            .ToListAsync(cancellationToken);
        var link = urls.Absolute($"/agencies/{agency.Id}/practitioners?status=AwaitingConfirmation");
        foreach (var lead in leads)
        {
            await outbox.EnqueueAsync("RegistrationToConfirm", lead.Email!, lead.Name,
                new EmailContent($"{practitioner.FullName} says they work for {agency.Name}", $"Dear {lead.FirstName},",
                    [$"{practitioner.FullName} ({practitioner.Email}) has registered on the neglect training portal and says they work for {agency.Name}.",
                     "Please confirm whether they do, so their training counts towards your agency's figures."])
                { ActionText = "Review people awaiting confirmation", ActionUrl = link },
                cancellationToken: cancellationToken);
        }
    }
}

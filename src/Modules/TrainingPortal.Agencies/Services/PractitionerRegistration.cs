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
/// A practitioner signing themselves up. Typing an email address proves nothing, so registering only creates an
/// account that cannot sign in and emails a link to the address; the learning record with that address (if there is
/// one) and the agency they chose are joined to the account when they follow it (<see cref="RegistrationConfirmation"/>).
/// Whether the address already has an account or a learning record, the person registering sees the same answer:
/// only the mailbox's owner learns which.
/// </summary>
public sealed class PractitionerRegistration(
    PortalDbContext db, UserManager<PortalUser> users, UserAccounts accounts, AuditTrail audit, TimeProvider clock)
{
    public async Task<OperationResult> RegisterAsync(RegistrationInput input, CancellationToken cancellationToken = default)
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
        var agency = input.AgencyId is null ? null : await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId && a.IsActive, cancellationToken);
        if (agency is null)
        {
            errors.Add(new("AgencyId", "Select the agency you work for"));
        }
        if (string.IsNullOrWhiteSpace(input.JobTitle))
        {
            errors.Add(new("JobTitle", "Enter your job title"));
        }
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = false, LockoutEnabled = true,
            FirstName = input.FirstName?.Trim() ?? "", LastName = input.LastName?.Trim() ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add(new("Password", "Enter a password"));
        }
        else
        {
            // Checked before looking the address up, so a weak password is refused the same way for every address.
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, user, input.Password);
                errors.AddRange(checkedPassword.Errors.Select(e => new FieldError("Password", e.Description)));
            }
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors.DistinctBy(e => (e.Field, e.Message)));
        }

        if (await users.FindByEmailAsync(email!) is { } existing)
        {
            // The same password hashing as a new account, so the answer takes as long either way.
            users.PasswordHasher.HashPassword(user, input.Password!);
            await accounts.SendAlreadyRegisteredEmailAsync(existing, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return OperationResult.Success;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return OperationResult.Failed(created.Errors.Select(e => new FieldError(e.Code.StartsWith("Password") ? "Password" : "Email", e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Practitioner);
        db.Set<PendingRegistration>().Add(new PendingRegistration { UserId = user.Id, AgencyId = agency!.Id, JobTitle = input.JobTitle!.Trim(), CreatedAt = user.CreatedAt });
        audit.Record("Account registered", "User", user.Id, $"Email: {email}; Agency: {agency.Name}; Job title: {input.JobTitle!.Trim()}");
        await accounts.SendEmailConfirmationAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success;
    }
}

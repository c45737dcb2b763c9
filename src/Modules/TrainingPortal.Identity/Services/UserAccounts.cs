using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core.Paging;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Identity.Services;

/// <summary>A row in the user list.</summary>
public sealed record UserSummary(Guid Id, string Name, string Email, bool LockedOut, DateTime? LastSignedInAt);

/// <summary>Creates accounts, changes roles and sends the emails that go with them.</summary>
public sealed class UserAccounts(
    UserManager<PortalUser> users,
    PortalDbContext db,
    Outbox outbox,
    PublicUrls urls,
    AuditTrail audit,
    TimeProvider clock,
    IEnumerable<IAccountConfirmationHandler> confirmationHandlers)
{
    /// <summary>The words shown when a confirmation, invitation or reset link cannot be used.</summary>
    public const string LinkNotValid = "This link has expired or has already been used. Ask for a new one from the sign-in page.";

    /// <summary>
    /// Creates an account (or returns the existing one with that email) and adds the roles. Without a password
    /// the person is emailed a link to set one, and the address counts as proven only once they follow it; a
    /// password given here (set-up's administrator, demo accounts) is the operator's word for the address.
    /// </summary>
    public async Task<OperationResult<PortalUser>> EnsureAccountAsync(
        string email, string firstName, string lastName, IEnumerable<string> roles, string? password = null, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        var created = false;
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = password is not null,
                FirstName = firstName.Trim(),
                LastName = lastName.Trim(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                return OperationResult<PortalUser>.Failed(result.Errors.Select(e => new FieldError(e.Code.StartsWith("Password") ? "Password" : "Email", e.Description)));
            }
            created = true;
            audit.Record("Account created", "User", user.Id, $"Email: {email}");
        }
        var missing = roles.Distinct().Where(r => Roles.All.Contains(r)).ToList();
        var current = await users.GetRolesAsync(user);
        missing.RemoveAll(current.Contains);
        if (missing.Count > 0)
        {
            var result = await users.AddToRolesAsync(user, missing);
            if (!result.Succeeded)
            {
                return OperationResult<PortalUser>.Failed(result.Errors.Select(e => new FieldError("Roles", e.Description)));
            }
            audit.Record("Roles added", "User", user.Id, string.Join(", ", missing.Select(Roles.DisplayName)));
        }
        if (created && password is null)
        {
            await SendSetPasswordEmailAsync(user, invitation: true, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<PortalUser>.Ok(user);
    }

    /// <summary>Queues the "reset your password" (or, for a new account, "set your password") email.</summary>
    public async Task SendSetPasswordEmailAsync(PortalUser user, bool invitation, CancellationToken cancellationToken = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = urls.Absolute($"/account/reset-password?userId={user.Id}&code={code}");
        var content = invitation
            ? new EmailContent("Your neglect training account", $"Dear {user.FirstName},",
                ["An account has been created for you on the partnership's neglect training portal.", "Set a password to sign in. The link works for 24 hours."])
            { ActionText = "Set your password", ActionUrl = link }
            : new EmailContent("Reset your password", $"Dear {user.FirstName},",
                ["Someone asked to reset the password for your neglect training account.", "The link works for 24 hours."])
            {
                ActionText = "Reset your password",
                ActionUrl = link,
                Footnotes = ["If you did not ask for this, you can ignore this email. Your password has not changed."],
            };
        await outbox.EnqueueAsync(invitation ? "AccountInvitation" : "PasswordReset", user.Email!, user.FullName, content, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Queues the "confirm your email address" email for a self-registered account. The link works once, for
    /// 24 hours, and only together with the password chosen at registration.
    /// </summary>
    public async Task SendEmailConfirmationAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = urls.Absolute($"/account/confirm-email?userId={user.Id}&code={code}");
        await outbox.EnqueueAsync("AccountConfirmation", user.Email!, user.FullName,
            new EmailContent("Confirm your email address", $"Dear {user.FirstName},",
                ["You have created an account on the partnership's neglect training portal.",
                 "Confirm that this is your email address to start using it. You will need the password you chose. The link works once, for 24 hours."])
            {
                ActionText = "Confirm your email address",
                ActionUrl = link,
                Footnotes = ["If you did not create an account, you can ignore this email: nobody can use the account without this link."],
            },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Queues the email for someone who tried to register with an address that already has an account, so the
    /// registration page can answer the same whoever owns the address.
    /// </summary>
    public async Task SendAlreadyRegisteredEmailAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        await outbox.EnqueueAsync("AccountAlreadyExists", user.Email!, user.FullName,
            new EmailContent("You already have an account", $"Dear {user.FirstName},",
                ["Someone, probably you, tried to create an account on the partnership's neglect training portal with this email address.",
                 "You already have an account. Sign in with it, or set a new password if you have forgotten yours. The link works for 24 hours."])
            {
                ActionText = "Set a new password",
                ActionUrl = urls.Absolute($"/account/reset-password?userId={user.Id}&code={code}"),
                Footnotes = ["If this was not you, you can ignore this email. Nothing about your account has changed."],
            },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Confirms a self-registered account's email address from the emailed link. The person must also give the
    /// password chosen at registration, so whoever registered and whoever owns the mailbox are the same person;
    /// only then is the account linked to what the address owns (<see cref="IAccountConfirmationHandler"/>).
    /// The link then stops working.
    /// </summary>
    public async Task<OperationResult<PortalUser>> ConfirmEmailAsync(Guid userId, string? code, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return OperationResult<PortalUser>.Failed("Password", LinkNotValid);
        }
        if (user.EmailConfirmed)
        {
            return OperationResult<PortalUser>.Failed("Password", "This email address has already been confirmed. Sign in instead.");
        }
        if (await users.IsLockedOutAsync(user))
        {
            return OperationResult<PortalUser>.Failed("Password", "Your account is locked because of too many failed attempts. Try again in 15 minutes.");
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return OperationResult<PortalUser>.Failed("Password", "The password is not the one you chose when you created the account");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var confirmed = await users.ConfirmEmailAsync(user, DecodeToken(code));
        if (!confirmed.Succeeded)
        {
            return OperationResult<PortalUser>.Failed("Password", LinkNotValid);
        }
        await users.ResetAccessFailedCountAsync(user);
        // A new stamp makes the link single-use.
        await users.UpdateSecurityStampAsync(user);
        await AccountConfirmedAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult<PortalUser>.Ok(user);
    }

    /// <summary>
    /// Sets a new password from a reset or invitation link. Following the link proves the email address, so an
    /// account that had not confirmed it yet (an invitation) is confirmed and linked here.
    /// </summary>
    public async Task<OperationResult<PortalUser>> ResetPasswordAsync(Guid userId, string? code, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return OperationResult<PortalUser>.Failed("Password", LinkNotValid);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ResetPasswordAsync(user, DecodeToken(code), password);
        if (!result.Succeeded)
        {
            return OperationResult<PortalUser>.Failed(result.Errors.Select(e => new FieldError("Password", e.Code == "InvalidToken" ? LinkNotValid : e.Description)));
        }
        await users.SetLockoutEndDateAsync(user, null);
        audit.Record("Password reset", "User", user.Id);
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            await AccountConfirmedAsync(user, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult<PortalUser>.Ok(user);
    }

    private async Task AccountConfirmedAsync(PortalUser user, CancellationToken cancellationToken)
    {
        audit.Record("Email address confirmed", "User", user.Id, $"Email: {user.Email}");
        foreach (var handler in confirmationHandlers)
        {
            await handler.AccountConfirmedAsync(user, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string DecodeToken(string? code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code ?? string.Empty));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }

    public Task<PagedList<UserSummary>> ListAsync(string? search, int page, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var query = db.Set<PortalUser>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || (u.FirstName + " " + u.LastName).ToUpper().Contains(term));
        }
        return query
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new UserSummary(u.Id, u.FirstName + " " + u.LastName, u.Email!, u.LockoutEnd != null && u.LockoutEnd > now, u.LastSignedInAt))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
    }

    /// <summary>Replaces the account's roles with <paramref name="roles"/>, recording the change.</summary>
    public async Task<OperationResult> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return OperationResult.Failed("", "That account no longer exists.");
        }
        var unknown = roles.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            return OperationResult.Failed("Roles", $"Unknown role: {string.Join(", ", unknown)}");
        }
        var current = await users.GetRolesAsync(user);
        var add = roles.Except(current).ToList();
        var remove = current.Except(roles).ToList();
        if (add.Count > 0)
        {
            await users.AddToRolesAsync(user, add);
        }
        if (remove.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, remove);
        }
        if (add.Count + remove.Count > 0)
        {
            audit.Record("Roles changed", "User", user.Id, AuditTrail.Describe(("Roles", string.Join(", ", current.Order()), string.Join(", ", roles.Order()))));
            await users.UpdateSecurityStampAsync(user);
            await db.SaveChangesAsync(cancellationToken);
        }
        return OperationResult.Success;
    }

    /// <summary>
    /// Adds one role to the account, recording the change; nothing happens when it already holds the role. False when the
    /// account no longer exists. Saves the caller's pending changes with it.
    /// </summary>
    public Task<bool> AddToRoleAsync(Guid userId, string role, CancellationToken cancellationToken = default) =>
        ChangeRoleAsync(userId, role, add: true, cancellationToken);

    /// <summary>Takes one role from the account, recording the change; nothing happens when it does not hold it.</summary>
    public Task<bool> RemoveFromRoleAsync(Guid userId, string role, CancellationToken cancellationToken = default) =>
        ChangeRoleAsync(userId, role, add: false, cancellationToken);

    private async Task<bool> ChangeRoleAsync(Guid userId, string role, bool add, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role: {role}", nameof(role));
        }
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return false;
        }
        if (await users.IsInRoleAsync(user, role) == add)
        {
            return true;
        }
        var result = add ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        audit.Record(add ? "Role added" : "Role removed", "User", user.Id, role);
        // A new stamp makes signed-in sessions pick up the change.
        await users.UpdateSecurityStampAsync(user);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Names and emails of the given accounts, for lists such as an agency's leads.</summary>
    public async Task<IReadOnlyList<UserSummary>> DescribeAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await db.Set<PortalUser>().AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new UserSummary(u.Id, u.FirstName + " " + u.LastName, u.Email!, u.LockoutEnd != null && u.LockoutEnd > now, u.LastSignedInAt))
            .ToListAsync(cancellationToken);
    }

    public async Task UnlockAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record("Account unlocked", "User", user.Id);
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Recipes.Services;

public sealed class SetupInput
{
    public string? PartnershipName { get; set; }
    public string? Recipe { get; set; }
    public string? AdminFirstName { get; set; }
    public string? AdminLastName { get; set; }
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}

/// <summary>
/// First-run set-up: names the partnership, applies the chosen recipe and creates the first administrator,
/// all in one transaction, so a failed set-up leaves nothing half-done.
/// </summary>
public sealed class SetupService(PortalDbContext db, PortalSettings settings, RecipeRunner recipes, UserAccounts accounts, SetupState state, TimeProvider clock)
{
    public async Task<bool> IsSetUpAsync(CancellationToken cancellationToken = default)
    {
        if (state.IsSetUp)
        {
            return true;
        }
        var done = await settings.GetAsync(PortalSettings.SetupCompletedAt, cancellationToken) is not null;
        if (done)
        {
            state.IsSetUp = true;
        }
        return done;
    }

    public async Task<OperationResult> SetUpAsync(SetupInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.PartnershipName))
        {
            errors.Add(new("PartnershipName", "Enter the partnership's name"));
        }
        else if (input.PartnershipName.Trim().Length > 200)
        {
            errors.Add(new("PartnershipName", "The partnership's name must be 200 characters or fewer"));
        }
        if (string.IsNullOrWhiteSpace(input.Recipe) || !recipes.Exists(input.Recipe))
        {
            errors.Add(new("Recipe", "Select how to start"));
        }
        if (string.IsNullOrWhiteSpace(input.AdminFirstName))
        {
            errors.Add(new("AdminFirstName", "Enter the administrator's first name"));
        }
        if (string.IsNullOrWhiteSpace(input.AdminLastName))
        {
            errors.Add(new("AdminLastName", "Enter the administrator's last name"));
        }
        if (string.IsNullOrWhiteSpace(input.AdminEmail) || !System.Net.Mail.MailAddress.TryCreate(input.AdminEmail.Trim(), out _))
        {
            errors.Add(new("AdminEmail", "Enter the administrator's email address in the correct format, like name@example.org"));
        }
        if (string.IsNullOrEmpty(input.AdminPassword))
        {
            errors.Add(new("AdminPassword", "Enter a password for the administrator"));
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }
        if (await IsSetUpAsync(cancellationToken))
        {
            return OperationResult.Failed("", "The portal has already been set up.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var admin = await accounts.EnsureAccountAsync(input.AdminEmail!, input.AdminFirstName!, input.AdminLastName!, [Roles.Administrator], input.AdminPassword, cancellationToken);
        if (!admin.Succeeded)
        {
            return OperationResult.Failed(admin.Errors.Select(e => e with { Field = "Admin" + e.Field }));
        }
        await settings.SetAsync(PortalSettings.PartnershipName, input.PartnershipName!.Trim(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await recipes.ApplyAsync(input.Recipe!, new Dictionary<string, string> { ["UserPassword"] = input.AdminPassword! }, cancellationToken);
        await settings.SetAsync(PortalSettings.SetupCompletedAt, clock.GetUtcNow().UtcDateTime.ToString("O"), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return OperationResult.Failed("", "The portal has already been set up.");
        }
        state.IsSetUp = true;
        return OperationResult.Success;
    }
}

/// <summary>Remembers, once true, that set-up is done, so requests stop asking the database.</summary>
public sealed class SetupState
{
    public volatile bool IsSetUp;
}

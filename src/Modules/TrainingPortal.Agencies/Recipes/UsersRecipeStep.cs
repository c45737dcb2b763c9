using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Agencies.Recipes;

/// <summary>
/// <c>{ "name": "Users", "users": [ { "email", "firstName", "lastName", "roles": [], "leadOf": ["agency"], "practitioner": true } ] }</c>.
/// Accounts are emailed a link to set their own password, which also proves their address. Only where the setting
/// <see cref="DemoAccountPasswords"/> is "true" (the demo recipe's fictional people, never a real partnership) do
/// they get the set-up password (parameter <c>UserPassword</c>) instead.
/// <c>leadOf</c> scopes a safeguarding lead to agencies; <c>practitioner</c> links the account to the learning record with
/// the same email. Existing accounts only gain what is missing.
/// </summary>
internal sealed class UsersRecipeStep(UserAccounts accounts, PortalDbContext db, PortalSettings settings, TimeProvider clock) : IRecipeStep
{
    /// <summary>The setting that lets recipe accounts share the set-up password: on in the demo recipe only.</summary>
    public const string DemoAccountPasswords = "Setup:DemoAccountPasswords";

    public string Name => "Users";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        context.Parameters.TryGetValue("UserPassword", out var password);
        if (await settings.GetAsync(DemoAccountPasswords, cancellationToken) != "true")
        {
            password = null;
        }
        var agencies = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Id, cancellationToken);
        var count = 0;
        foreach (var user in step.GetProperty("users").EnumerateArray())
        {
            var email = user.GetProperty("email").GetString()!.Trim().ToLowerInvariant();
            var roles = user.TryGetProperty("roles", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            var result = await accounts.EnsureAccountAsync(email, user.GetProperty("firstName").GetString()!, user.GetProperty("lastName").GetString()!,
                roles, string.IsNullOrEmpty(password) ? null : password, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Users step: {email}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }
            var userId = result.Value!.Id;
            if (user.TryGetProperty("leadOf", out var leadOf))
            {
                foreach (var agencyName in leadOf.EnumerateArray().Select(a => a.GetString()!))
                {
                    if (!agencies.TryGetValue(agencyName, out var agencyId))
                    {
                        throw new InvalidOperationException($"Users step: {email} leads unknown agency {agencyName}.");
                    }
                    if (!await db.Set<AgencyLead>().AnyAsync(l => l.AgencyId == agencyId && l.UserId == userId, cancellationToken))
                    {
                        db.Set<AgencyLead>().Add(new AgencyLead { AgencyId = agencyId, UserId = userId, Since = clock.GetUtcNow().UtcDateTime });
                    }
                }
            }
            if (user.TryGetProperty("practitioner", out var isPractitioner) && isPractitioner.ValueKind == JsonValueKind.True)
            {
                var practitioner = await db.Set<Practitioner>().SingleOrDefaultAsync(p => p.Email == email, cancellationToken)
                    ?? throw new InvalidOperationException($"Users step: {email} is marked as a practitioner but no practitioner has that email.");
                practitioner.UserId = userId;
            }
            await db.SaveChangesAsync(cancellationToken);
            count++;
        }
        context.Log.Add($"Users: {count} accounts ensured");
    }
}

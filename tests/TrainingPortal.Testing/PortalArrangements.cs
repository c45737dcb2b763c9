using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Identity.Services;
using Xunit;

namespace TrainingPortal.Testing;

/// <summary>The accounts and agencies most module tests start from, made through the product's own services.</summary>
public static class PortalArrangements
{
    /// <summary>Who arranging runs as: the system itself, as unattended set-up does, before anyone has an account.</summary>
    public static readonly SignedInUser SetUp = new(Guid.Empty, "system@partnership.example", Roles.Administrator);

    /// <summary>
    /// A sign-in account with <paramref name="roles"/>, as an administrator makes it (with a password when given),
    /// whose owner has followed the emailed link, so the address is proven and their learning record linked.
    /// </summary>
    public static async Task<SignedInUser> AccountAsync(this PortalApp app, string email, string firstName, string lastName, string[] roles, string? password = null)
    {
        var account = await app.AsUserAsync(SetUp, s => s.GetRequiredService<UserAccounts>().EnsureAccountAsync(email, firstName, lastName, roles, password));
        Assert.True(account.Succeeded, Errors(account));
        var user = account.Value!;
        if (!user.EmailConfirmed)
        {
            await app.FollowEmailedLinkAsync(user.Id, password);
        }
        return new SignedInUser(user.Id, email, roles);
    }

    /// <summary>
    /// What an invited person does with the emailed "set your password" link: sets a password (a random one unless
    /// given), which proves their address and joins the account to their learning record.
    /// </summary>
    public static async Task FollowEmailedLinkAsync(this PortalApp app, Guid userId, string? password = null)
    {
        var followed = await app.AsUserAsync(SetUp, async s =>
        {
            var user = await s.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId.ToString());
            var token = await s.GetRequiredService<UserManager<PortalUser>>().GeneratePasswordResetTokenAsync(user!);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            return await s.GetRequiredService<UserAccounts>().ResetPasswordAsync(userId, code, password ?? "arranged-" + Guid.NewGuid().ToString("N"));
        });
        Assert.True(followed.Succeeded, Errors(followed));
    }

    /// <summary>An agency in one of the recipe's sectors ("Health", "Police"…).</summary>
    public static async Task<Guid> AgencyAsync(this PortalApp app, string name, string sector)
    {
        var created = await app.AsUserAsync(SetUp, async s =>
        {
            var directory = s.GetRequiredService<AgencyDirectory>();
            var sectorId = (await directory.SectorsAsync()).Single(x => x.Name == sector).Id;
            return await directory.CreateAsync(name, sectorId);
        });
        Assert.True(created.Succeeded, Errors(created));
        return created.Value;
    }

    /// <summary>
    /// Makes <paramref name="email"/> a safeguarding lead of the agency (creating the account if needed, and following
    /// its emailed link as the new lead would) and returns them.
    /// </summary>
    public static async Task<SignedInUser> LeadAsync(this PortalApp app, Guid agencyId, string email, string firstName, string lastName)
    {
        var added = await app.AsUserAsync(SetUp, s => s.GetRequiredService<AgencyDirectory>().AddLeadAsync(agencyId, email, firstName, lastName));
        Assert.True(added.Succeeded, Errors(added));
        var (userId, confirmed) = await app.AsUserAsync(SetUp, async s =>
        {
            var user = (await s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!;
            return (user.Id, user.EmailConfirmed);
        });
        if (!confirmed)
        {
            await app.FollowEmailedLinkAsync(userId);
        }
        return new SignedInUser(userId, email, Roles.SafeguardingLead);
    }

    public static string Errors(OperationResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
}

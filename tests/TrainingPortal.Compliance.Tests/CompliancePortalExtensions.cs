using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Compliance.Tests;

/// <summary>Staff with a history (a start date, a leaving date) and people signed in through the app's own sign-in page.</summary>
public static class CompliancePortalExtensions
{
    public const string Password = "amber-kestrel-orchard-52";

    /// <summary>A member of staff who started on <paramref name="startDate"/>, so past month-ends count them.</summary>
    public static async Task<Guid> StaffSinceAsync(this CompliancePortal portal, Guid agencyId, string group, DateOnly startDate, DateOnly? leavingDate = null, string? name = null)
    {
        var (first, last) = name is null ? ("Sam", $"Starter{Guid.NewGuid():N}"[..12]) : (name.Split(' ')[0], name.Split(' ')[1]);
        var added = await portal.As(portal.Coordinator, async s =>
        {
            var groupId = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == group).Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = first, LastName = last, Email = $"{first}.{last}.{Guid.NewGuid():N}@staff.example".ToLowerInvariant(),
                WorkforceGroupId = groupId, JobTitle = "Practitioner", StartDate = startDate, LeavingDate = leavingDate,
            });
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        return added.Value;
    }

    /// <summary>A browser-like client signed in as <paramref name="user"/> through the sign-in page.</summary>
    public static async Task<HttpClient> SignInAsync(this CompliancePortal portal, SignedInUser user)
    {
        await portal.App.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            var account = await users.FindByIdAsync(user.UserId.ToString());
            await users.RemovePasswordAsync(account!);
            var set = await users.AddPasswordAsync(account!, Password);
            Assert.True(set.Succeeded, string.Join("; ", set.Errors.Select(e => e.Description)));
        });
        var client = portal.App.CreateBrowserlikeClient();
        var response = await client.SignInAsync(user.Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The page's HTML, after checking it opened.</summary>
    public static async Task<string> PageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

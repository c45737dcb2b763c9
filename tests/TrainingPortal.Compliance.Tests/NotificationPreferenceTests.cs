using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Tests;

/// <summary>How often people hear about their training, within the partnership's limit (monthly in the neglect-partnership recipe).</summary>
public sealed class NotificationPreferenceTests : IAsyncLifetime
{
    private const string Password = "quiet-lantern-harbour-58";

    private CompliancePortal portal = null!;

    public async Task InitializeAsync() => portal = await CompliancePortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Staff_are_offered_reminders_straight_away_weekly_or_monthly_and_leads_their_weekly_summary()
    {
        var (_, staff) = await portal.StaffWithAccountAsync(portal.Health, "G1", "Ava Choice");

        var mine = await ForUserAsync(staff);
        var reminders = Assert.Single(mine);
        Assert.Equal(["As soon as something is due", "A weekly summary", "A monthly summary"], reminders.Choices.Select(c => c.Label));
        Assert.Equal(NotificationFrequency.Immediately, reminders.Current);

        var lead = Assert.Single(await ForUserAsync(portal.HealthLead));
        Assert.Equal(ComplianceNotificationTopics.Digest, lead.Topic.Key);
        Assert.Equal(NotificationFrequency.Weekly, lead.Current);
    }

    [Fact]
    public async Task A_choice_less_frequent_than_the_partnership_allows_is_refused_and_not_offered()
    {
        var (_, staff) = await portal.StaffWithAccountAsync(portal.Health, "G1", "Ava Choice");
        Assert.True((await portal.As(portal.Coordinator, s => s.GetRequiredService<NotificationPreferences>().SetLeastFrequentAllowedAsync(NotificationFrequency.Weekly))).Succeeded);

        var refused = await SaveAsync(staff, ComplianceNotificationTopics.Reminders, NotificationFrequency.Monthly);

        Assert.False(refused.Succeeded);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(ComplianceNotificationTopics.Reminders, error.Field);
        Assert.Equal("The partnership does not allow a monthly summary. Choose as soon as something is due or a weekly summary", error.Message);
        var offered = Assert.Single(await ForUserAsync(staff));
        Assert.Equal(["As soon as something is due", "A weekly summary"], offered.Choices.Select(c => c.Label));
        Assert.Equal(NotificationFrequency.Immediately, offered.Current);
        Assert.True((await SaveAsync(staff, ComplianceNotificationTopics.Reminders, NotificationFrequency.Weekly)).Succeeded);
        Assert.Equal(NotificationFrequency.Weekly, Assert.Single(await ForUserAsync(staff)).Current);
    }

    [Fact]
    public async Task Reminders_cannot_be_turned_off_but_a_leads_summary_can()
    {
        var (_, staff) = await portal.StaffWithAccountAsync(portal.Health, "G1", "Ava Choice");

        var refused = await SaveAsync(staff, ComplianceNotificationTopics.Reminders, NotificationFrequency.Off);
        var turnedOff = await SaveAsync(portal.HealthLead, ComplianceNotificationTopics.Digest, NotificationFrequency.Off);

        Assert.False(refused.Succeeded);
        Assert.True(turnedOff.Succeeded);
        Assert.Equal(NotificationFrequency.Off, Assert.Single(await ForUserAsync(portal.HealthLead)).Current);
    }

    [Fact]
    public async Task The_preferences_page_shows_only_what_the_partnership_allows_refuses_the_rest_and_saves_a_choice()
    {
        var (_, staff) = await portal.StaffWithAccountAsync(portal.Health, "G1", "Ava Page", Password);
        const string coordinator = "col.settings@partnership.example";
        var account = await portal.As(portal.Coordinator, s => s.GetRequiredService<UserAccounts>().EnsureAccountAsync(coordinator, "Col", "Settings", [Roles.TrainingCoordinator], Password));
        Assert.True(account.Succeeded);

        using var admin = portal.App.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(coordinator, Password)).StatusCode);
        var setting = await admin.PostFormAsync("/compliance/settings/notifications", new Dictionary<string, string> { ["LeastFrequent"] = "Weekly" });
        Assert.Equal(HttpStatusCode.Redirect, setting.StatusCode);
        Assert.Contains("Reminder settings saved.", await admin.GetStringAsync("/compliance/settings/notifications"));

        using var client = portal.App.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(staff.Email, Password)).StatusCode);
        var page = await client.GetStringAsync("/account/notifications");
        Assert.Contains("How often do you want reminders about training that is due or has expired?", page);
        Assert.Contains("A weekly summary", page);
        Assert.DoesNotContain("A monthly summary", page);
        Assert.Contains("The partnership asks for no less than a weekly summary.", page);
        Assert.Contains("<a class=\"govuk-link\" href=\"/account/notifications\">Email preferences</a>", await client.GetStringAsync("/"));

        var refused = await client.PostFormAsync("/account/notifications", Answer("Monthly"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", refusedPage);
        Assert.Contains("The partnership does not allow a monthly summary.", refusedPage);

        var saved = await client.PostFormAsync("/account/notifications", Answer("Weekly"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.GetStringAsync("/account/notifications");
        Assert.Contains("Your email preferences have been saved.", after);
        Assert.Matches("<input checked=\"checked\"[^>]*value=\"Weekly\"", after);
        var audit = await portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().AuditEntries
            .Where(e => e.Action == "Email preferences changed" && e.SubjectId == staff.UserId.ToString()).Select(e => e.Details).ToListAsync());
        Assert.Equal("Training reminders: As soon as something is due → A weekly summary", Assert.Single(audit));
    }

    [Fact]
    public async Task A_lead_turns_their_weekly_summary_off_by_unticking_it_and_gets_none()
    {
        const string email = "lou.lead@lead.example";
        Assert.True((await portal.As(portal.Coordinator, s => s.GetRequiredService<UserAccounts>().EnsureAccountAsync(email, "Lou", "Lead", [Roles.SafeguardingLead], Password))).Succeeded);
        Assert.True((await portal.As(portal.Coordinator, s => s.GetRequiredService<TrainingPortal.Agencies.Services.AgencyDirectory>().AddLeadAsync(portal.Health, email, "Lou", "Lead"))).Succeeded);
        using var client = portal.App.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, Password)).StatusCode);

        var page = await client.GetStringAsync("/account/notifications");
        Assert.Contains("Weekly summary of your agency", page);
        Assert.Matches("<input checked=\"checked\"[^>]*type=\"checkbox\" value=\"Weekly\"", page);
        Assert.DoesNotContain("How often do you want reminders", page);
        var saved = await client.PostFormAsync("/account/notifications", new Dictionary<string, string> { ["Answers[0].Key"] = ComplianceNotificationTopics.Digest });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotMatch("<input checked=\"checked\"[^>]*type=\"checkbox\"", await client.GetStringAsync("/account/notifications"));

        portal.MoveTo(new DateOnly(2026, 6, 8));
        await portal.App.InScopeAsync(s => s.GetRequiredService<Jobs.ComplianceDigestJob>().SendDueAsync(CancellationToken.None));
        Assert.Empty(await portal.OutboxAsync(email, ComplianceMail.DigestCategory));
        Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, ComplianceMail.DigestCategory));
    }

    private static Dictionary<string, string> Answer(string frequency) => new()
    {
        ["Answers[0].Key"] = ComplianceNotificationTopics.Reminders,
        ["Answers[0].Frequency"] = frequency,
    };

    private Task<IReadOnlyList<TopicPreference>> ForUserAsync(SignedInUser user) =>
        portal.As(user, s => s.GetRequiredService<NotificationPreferences>().ForUserAsync(user.UserId));

    private Task<Core.Results.OperationResult> SaveAsync(SignedInUser user, string topic, NotificationFrequency frequency) =>
        portal.As(user, s => s.GetRequiredService<NotificationPreferences>().SaveAsync(user.UserId, new Dictionary<string, NotificationFrequency?> { [topic] = frequency }));
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Jobs;

namespace TrainingPortal.IntegrationTests;

/// <summary>Email through a real SMTP server on loopback: delivery, outage and retry.</summary>
public partial class AccountEmailTests : IAsyncLifetime
{
    private MailDevServer mail = null!;

    public async Task InitializeAsync() => mail = await MailDevServer.StartAsync();

    public async Task DisposeAsync() => await mail.DisposeAsync();

    [Fact]
    public async Task A_reset_email_queued_while_SMTP_is_down_is_delivered_once_it_is_back_and_only_once()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { SmtpPort = mail.SmtpPort, Clock = clock });
        var client = app.CreateBrowserlikeClient();
        await mail.StopAsync();

        var asked = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = app.Options.AdminEmail });
        Assert.Contains("Check your email", await asked.Content.ReadAsStringAsync());
        Assert.Equal(0, await DeliverAsync(app));
        var pending = await OutboxAsync(app);
        Assert.Equal(OutboxMessageStatus.Pending, pending.Status);
        Assert.Equal(1, pending.Attempts);
        Assert.NotNull(pending.LastError);

        await mail.RestartAsync();
        Assert.Equal(0, await DeliverAsync(app));
        clock.Advance(OutboxMessage.BackOffAfter(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DeliverAsync(app));
        Assert.Equal(0, await DeliverAsync(app));

        var email = await mail.WaitForEmailAsync(e => e.IsAddressedTo(app.Options.AdminEmail), TimeSpan.FromSeconds(10));
        Assert.Equal("Reset your password", email.Subject);
        Assert.Single(await mail.GetEmailsAsync());
        Assert.Equal(OutboxMessageStatus.Sent, (await OutboxAsync(app)).Status);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task The_reset_link_in_the_email_sets_a_new_password_that_signs_in(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, SmtpPort = mail.SmtpPort });
        var client = app.CreateBrowserlikeClient();
        await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = app.Options.AdminEmail });
        await DeliverAsync(app);
        var email = await mail.WaitForEmailAsync(e => e.IsAddressedTo(app.Options.AdminEmail), TimeSpan.FromSeconds(10));
        var link = new Uri(LinkPattern().Match(email.Text!).Value);

        var weak = await client.PostFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "password1234", ["ConfirmPassword"] = "password1234" });
        Assert.Contains("too easy to guess", await weak.Content.ReadAsStringAsync());
        var saved = await client.PostFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "amber-otter-violin-22", ["ConfirmPassword"] = "amber-otter-violin-22" });
        Assert.Equal("/account/login", saved.Headers.Location?.OriginalString);

        Assert.Contains("not right", await (await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(app.Options.AdminEmail, "amber-otter-violin-22")).StatusCode);
        var reused = await client.PostFormAsync(link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "second-go-at-this-99", ["ConfirmPassword"] = "second-go-at-this-99" });
        Assert.Contains("expired or has already been used", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_practitioner_who_registers_and_confirms_their_address_is_confirmed_by_their_lead_who_was_told_by_email()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", SmtpPort = mail.SmtpPort });
        var agencyId = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<Agency>()
            .Where(a => a.Name == "Northshire Homes").Select(a => a.Id).SingleAsync());
        var newcomer = app.CreateBrowserlikeClient();

        var registered = await newcomer.RegisterAsync(new Newcomer("Jordan", "Okoro", "Jordan.Okoro@northshire-homes.example", agencyId, "Tenancy support officer", "quiet-river-stone-31"));
        Assert.Equal("/account/register/check-email", registered.Headers.Location?.OriginalString);
        var confirmed = await newcomer.ConfirmEmailAsync(await app.EmailedLinkAsync("jordan.okoro@northshire-homes.example"), "quiet-river-stone-31");
        Assert.Equal("/", confirmed.Headers.Location?.OriginalString);
        await DeliverAsync(app);
        var email = await mail.WaitForEmailAsync(e => e.Subject.Contains("Jordan Okoro"), TimeSpan.FromSeconds(10));
        Assert.Contains("tanya.thomas@northshire-homes.example", email.To);

        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync("tanya.thomas@northshire-homes.example", app.Options.AdminPassword);
        var waiting = await lead.GetStringAsync($"/agencies/{agencyId}/practitioners?status=AwaitingConfirmation");
        Assert.Contains("Jordan Okoro", waiting);
        Assert.DoesNotContain("Jordan Okoro", await lead.GetStringAsync($"/agencies/{agencyId}/practitioners"));

        var practitionerId = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<Practitioner>()
            .Where(p => p.Email == "jordan.okoro@northshire-homes.example").Select(p => p.Id).SingleAsync());
        var page = $"/agencies/{agencyId}/practitioners/{practitionerId}";
        await lead.PostFormAsync($"{page}?handler=Confirm", new Dictionary<string, string>(), formPage: page);

        var current = await lead.GetStringAsync($"/agencies/{agencyId}/practitioners");
        Assert.Contains("Jordan Okoro", current);
        Assert.Contains("Membership confirmed", await lead.GetStringAsync(page));
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();

    private static Task<int> DeliverAsync(PortalApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<OutboxDeliveryJob>().DeliverDueAsync(CancellationToken.None));

    private static Task<OutboxMessage> OutboxAsync(PortalApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync());
}

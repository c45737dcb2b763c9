using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Compliance.Jobs;
using TrainingPortal.Compliance.Services;

namespace TrainingPortal.Compliance.Tests;

/// <summary>The reminder and summary jobs on PostgreSQL, where production runs several instances against one database.</summary>
public sealed class ComplianceEmailsOnPostgreSqlTests : IAsyncLifetime
{
    private CompliancePortal portal = null!;

    public async Task InitializeAsync() => portal = await CompliancePortal.StartAsync(new PortalAppOptions { Database = TestDatabase.PostgreSql });

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Two_instances_reminding_at_once_email_each_person_once()
    {
        await using var second = await PortalApp.StartAsync(new PortalAppOptions
        {
            Database = TestDatabase.PostgreSql, Recipe = "neglect-partnership", Clock = portal.Clock, ConnectionString = portal.App.ConnectionString,
        });
        var emails = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var person = await portal.StaffAsync(i % 2 == 0 ? portal.Health : portal.Police, "G2");
            await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2023, 7, 15));
            await portal.CompletedAsync(person, "NEG-ADV", new DateOnly(2023, 6, 1));
            emails.Add(await portal.EmailOfAsync(person));
        }

        var runs = await Task.WhenAll(
            Task.Run(() => SendRemindersAsync(portal.App)), Task.Run(() => SendRemindersAsync(second)),
            Task.Run(() => SendRemindersAsync(portal.App)), Task.Run(() => SendRemindersAsync(second)));

        Assert.Equal(30, runs.Sum());
        foreach (var email in emails)
        {
            var reminder = Assert.Single(await portal.OutboxAsync(email, ComplianceMail.DueReminderCategory));
            Assert.Contains("Neglect basic training: due for renewal by 15 July 2026.", reminder.TextBody);
            Assert.Contains("Neglect advanced training: expired on 1 June 2026.", reminder.TextBody);
        }
    }

    [Fact]
    public async Task Each_lead_gets_one_summary_with_their_agencys_figures()
    {
        var ann = await portal.StaffAsync(portal.Health, "G1", name: "Ann Steady");
        await portal.CompletedAsync(ann, "NEG-BASIC", new DateOnly(2026, 1, 10));
        await portal.StaffAsync(portal.Health, "G1", name: "Bob Learner");
        await portal.StaffAsync(portal.Police, "G1", name: "Pat Plod");
        portal.MoveTo(new DateOnly(2026, 6, 8));

        var runs = await Task.WhenAll(Task.Run(SendDigestsAsync), Task.Run(SendDigestsAsync));

        Assert.Equal(2, runs.Sum());
        var health = Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, ComplianceMail.DigestCategory));
        Assert.Contains("Staff with all the training their role needs: 50% (a week earlier: 0%).", health.TextBody);
        Assert.Contains("Joined (2): Bob Learner and Ann Steady.", health.TextBody);
        Assert.DoesNotContain("Pat Plod", health.TextBody);
        Assert.Contains("Joined (1): Pat Plod.", Assert.Single(await portal.OutboxAsync(portal.PoliceLead.Email, ComplianceMail.DigestCategory)).TextBody);
    }

    private static Task<int> SendRemindersAsync(PortalApp app) =>
        app.InScopeAsync(s => s.GetRequiredService<ComplianceReminderJob>().SendDueAsync(CancellationToken.None));

    private Task<int> SendDigestsAsync() =>
        portal.App.InScopeAsync(s => s.GetRequiredService<ComplianceDigestJob>().SendDueAsync(CancellationToken.None));
}

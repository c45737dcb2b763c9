using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Compliance.Jobs;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Tests;

/// <summary>
/// The daily reminder run, from Monday 1 June 2026. Neglect basic awareness and advanced practice last 36 months and
/// the neglect-partnership recipe's due-soon window is 60 days, so a record completed on 15 July 2023 falls due for
/// renewal on 16 May 2026 and expires on 15 July 2026.
/// </summary>
public sealed class ComplianceReminderJobTests : IAsyncLifetime
{
    private const string Reminder = ComplianceMail.DueReminderCategory;

    private CompliancePortal portal = null!;

    public async Task InitializeAsync() => portal = await CompliancePortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Someone_whose_training_is_due_soon_is_emailed_once_however_often_the_job_runs()
    {
        var ava = await portal.StaffAsync(portal.Health, "G1", name: "Ava Shaw");
        await portal.CompletedAsync(ava, "NEG-BASIC", new DateOnly(2023, 7, 15));
        var email = await portal.EmailOfAsync(ava);

        Assert.Equal(1, await SendDueAsync());
        Assert.Equal(0, await SendDueAsync());
        portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await SendDueAsync());

        var reminder = Assert.Single(await portal.OutboxAsync(email, Reminder));
        Assert.Equal("Your neglect training is due for renewal", reminder.Subject);
        Assert.Contains("Dear Ava Shaw,", reminder.TextBody);
        Assert.Contains("Neglect basic training: due for renewal by 15 July 2026.", reminder.TextBody);
        Assert.Contains("See what training you need: http", reminder.TextBody);
        Assert.Contains("/what-i-need", reminder.TextBody);
        Assert.Contains("/account/notifications", reminder.TextBody);
    }

    [Fact]
    public async Task When_the_training_then_expires_they_are_told_once_more()
    {
        var ava = await portal.StaffAsync(portal.Health, "G1");
        await portal.CompletedAsync(ava, "NEG-BASIC", new DateOnly(2023, 7, 15));
        var email = await portal.EmailOfAsync(ava);
        await SendDueAsync();

        portal.MoveTo(new DateOnly(2026, 7, 14));
        Assert.Equal(0, await SendDueAsync());
        portal.MoveTo(new DateOnly(2026, 7, 15));
        Assert.Equal(1, await SendDueAsync());
        portal.MoveTo(new DateOnly(2026, 7, 16));
        Assert.Equal(0, await SendDueAsync());

        var reminders = await portal.OutboxAsync(email, Reminder);
        Assert.Equal(["Your neglect training is due for renewal", "Your neglect training has expired"], reminders.Select(r => r.Subject));
        Assert.Contains("Neglect basic training: expired on 15 July 2026.", reminders[1].TextBody);
    }

    [Fact]
    public async Task Renewing_and_later_falling_due_again_brings_a_new_reminder()
    {
        var ava = await portal.StaffAsync(portal.Health, "G1");
        await portal.CompletedAsync(ava, "NEG-BASIC", new DateOnly(2023, 7, 15));
        var email = await portal.EmailOfAsync(ava);
        await SendDueAsync();

        portal.MoveTo(new DateOnly(2026, 6, 10));
        await portal.CompletedAsync(ava, "NEG-BASIC", portal.UkToday);
        Assert.Equal(0, await SendDueAsync());
        portal.MoveTo(new DateOnly(2029, 4, 10));
        Assert.Equal(0, await SendDueAsync());
        portal.MoveTo(new DateOnly(2029, 4, 11));
        Assert.Equal(1, await SendDueAsync());

        var reminders = await portal.OutboxAsync(email, Reminder);
        Assert.Equal(2, reminders.Count);
        Assert.Contains("Neglect basic training: due for renewal by 10 June 2029.", reminders[1].TextBody);
        Assert.DoesNotContain("2026", reminders[1].TextBody);
    }

    [Fact]
    public async Task Someone_working_for_two_agencies_gets_one_email_naming_each_requirement_once()
    {
        var bank = await portal.StaffAsync(portal.Health, "G2", name: "Bea Bank", email: "bea.bank@staff.example");
        await portal.StaffAsync(portal.Police, "G2", name: "Bea Bank", email: "bea.bank@staff.example");
        await portal.CompletedAsync(bank, "NEG-BASIC", new DateOnly(2023, 7, 15));
        await portal.CompletedAsync(bank, "NEG-ADV", new DateOnly(2023, 6, 1));

        Assert.Equal(1, await SendDueAsync());

        var reminder = Assert.Single(await portal.OutboxAsync("bea.bank@staff.example", Reminder));
        Assert.Equal("Your neglect training has expired", reminder.Subject);
        Assert.Single(Lines(reminder.TextBody, "Neglect basic training:"));
        Assert.Equal("Neglect advanced training: expired on 1 June 2026.", Assert.Single(Lines(reminder.TextBody, "Neglect advanced training:")));
    }

    [Fact]
    public async Task Leavers_people_without_email_and_missing_training_get_no_reminder()
    {
        var leaver = await portal.StaffAsync(portal.Health, "G1", leavingDate: portal.UkToday);
        await portal.CompletedAsync(leaver, "NEG-BASIC", new DateOnly(2023, 7, 15));
        var noEmail = await portal.StaffWithoutEmailAsync(portal.Health, "G1", "Nia Noemail");
        await portal.CompletedAsync(noEmail, "NEG-BASIC", new DateOnly(2023, 7, 15));
        await portal.StaffAsync(portal.Health, "G3", name: "Nat Nothing");

        Assert.Equal(0, await SendDueAsync());
        Assert.Empty(await portal.OutboxOfAsync(Reminder));
    }

    [Fact]
    public async Task Someone_who_asked_for_a_weekly_summary_hears_about_what_fell_due_a_week_after_the_last_email()
    {
        var (ava, user) = await portal.StaffWithAccountAsync(portal.Health, "G2", "Ava Weekly");
        await ChooseAsync(user, NotificationFrequency.Weekly);
        await portal.CompletedAsync(ava, "NEG-BASIC", new DateOnly(2023, 7, 15));
        // Falls due on Thursday 4 June.
        await portal.CompletedAsync(ava, "NEG-ADV", new DateOnly(2023, 8, 3));

        Assert.Equal(1, await SendDueAsync());
        foreach (var day in new[] { 4, 5, 6, 7 })
        {
            portal.MoveTo(new DateOnly(2026, 6, day));
            Assert.Equal(0, await SendDueAsync());
        }
        portal.MoveTo(new DateOnly(2026, 6, 8));
        Assert.Equal(1, await SendDueAsync());
        portal.MoveTo(new DateOnly(2026, 6, 9));
        Assert.Equal(0, await SendDueAsync());

        var reminders = await portal.OutboxAsync(user.Email, Reminder);
        Assert.Equal(2, reminders.Count);
        Assert.Contains("Neglect basic training: due for renewal by 15 July 2026.", reminders[0].TextBody);
        Assert.DoesNotContain("Neglect advanced training", reminders[0].TextBody);
        Assert.Contains("Neglect advanced training: due for renewal by 3 August 2026.", reminders[1].TextBody);
        Assert.DoesNotContain("Neglect basic training", reminders[1].TextBody);
        Assert.Contains("This is your weekly summary", reminders[1].TextBody);
    }

    [Fact]
    public async Task Someone_who_asked_for_a_monthly_summary_waits_30_days_from_the_last_email()
    {
        var (ava, user) = await portal.StaffWithAccountAsync(portal.Health, "G2", "Ava Monthly");
        await ChooseAsync(user, NotificationFrequency.Monthly);
        await portal.CompletedAsync(ava, "NEG-BASIC", new DateOnly(2023, 7, 15));
        // Falls due on Thursday 11 June.
        await portal.CompletedAsync(ava, "NEG-ADV", new DateOnly(2023, 8, 10));

        Assert.Equal(1, await SendDueAsync());
        portal.MoveTo(new DateOnly(2026, 6, 11));
        Assert.Equal(0, await SendDueAsync());
        portal.MoveTo(new DateOnly(2026, 6, 30));
        Assert.Equal(0, await SendDueAsync());
        portal.MoveTo(new DateOnly(2026, 7, 1));
        Assert.Equal(1, await SendDueAsync());

        var reminders = await portal.OutboxAsync(user.Email, Reminder);
        Assert.Equal(2, reminders.Count);
        Assert.Contains("Neglect advanced training: due for renewal by 10 August 2026.", reminders[1].TextBody);
        Assert.Contains("This is your monthly summary", reminders[1].TextBody);
    }

    [Fact]
    public async Task A_monthly_choice_counts_as_weekly_once_the_partnership_allows_no_less_than_weekly()
    {
        var (ava, user) = await portal.StaffWithAccountAsync(portal.Health, "G2", "Ava Tightened");
        await ChooseAsync(user, NotificationFrequency.Monthly);
        await portal.As(portal.Coordinator, s => s.GetRequiredService<NotificationPreferences>().SetLeastFrequentAllowedAsync(NotificationFrequency.Weekly));
        await portal.CompletedAsync(ava, "NEG-BASIC", new DateOnly(2023, 7, 15));
        await portal.CompletedAsync(ava, "NEG-ADV", new DateOnly(2023, 8, 3));

        await SendDueAsync();
        portal.MoveTo(new DateOnly(2026, 6, 8));
        Assert.Equal(1, await SendDueAsync());

        Assert.Equal(2, (await portal.OutboxAsync(user.Email, Reminder)).Count);
    }

    [Fact]
    public async Task Two_runs_at_once_still_email_each_person_once()
    {
        var emails = new List<string>();
        foreach (var name in new[] { "Ava One", "Ben Two", "Cai Three", "Dee Four", "Eli Five", "Fay Six" })
        {
            var person = await portal.StaffAsync(portal.Health, "G1", name: name);
            await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2023, 7, 15));
            emails.Add(await portal.EmailOfAsync(person));
        }

        var runs = await Task.WhenAll(Task.Run(SendDueAsync), Task.Run(SendDueAsync));

        Assert.Equal(6, runs.Sum());
        foreach (var email in emails)
        {
            Assert.Single(await portal.OutboxAsync(email, Reminder));
        }
    }

    private Task<int> SendDueAsync() =>
        portal.App.InScopeAsync(s => s.GetRequiredService<ComplianceReminderJob>().SendDueAsync(CancellationToken.None));

    private async Task ChooseAsync(SignedInUser user, NotificationFrequency frequency)
    {
        var result = await portal.As(user, s => s.GetRequiredService<NotificationPreferences>().SaveAsync(user.UserId,
            new Dictionary<string, NotificationFrequency?> { [ComplianceNotificationTopics.Reminders] = frequency }));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    private static List<string> Lines(string text, string start) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(start, StringComparison.Ordinal)).ToList();
}

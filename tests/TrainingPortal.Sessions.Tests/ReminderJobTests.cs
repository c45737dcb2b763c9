using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Sessions.Jobs;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

/// <summary>The neglect-partnership recipe reminds people 3 days before their session.</summary>
public sealed class ReminderJobTests : IAsyncLifetime
{
    private SessionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await SessionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Everyone_with_a_place_in_the_next_3_days_is_reminded_once()
    {
        var soon = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 2, capacity: 2);
        var ava = await portal.PractitionerAsync("Ava", "Smith");
        var ben = await portal.PractitionerAsync("Ben", "Jones");
        var waiting = await portal.PractitionerAsync("Cai", "Evans");
        foreach (var person in new[] { ava, ben, waiting })
        {
            await portal.BookedAsync(person, soon);
        }

        var first = await SendDueAsync();
        var second = await SendDueAsync();

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        var reminder = Assert.Single(await portal.OutboxAsync(ava.Email, "session-reminder"));
        Assert.Equal("Reminder: Adolescent neglect on Wednesday 3 June", reminder.Subject);
        Assert.Contains("When: 3 June 2026, 9:30am to 4:30pm.", reminder.TextBody);
        Assert.Single(await portal.OutboxAsync(ben.Email, "session-reminder"));
        Assert.Empty(await portal.OutboxAsync(waiting.Email, "session-reminder"));
    }

    [Fact]
    public async Task Nobody_is_reminded_of_a_cancelled_session_a_cancelled_place_or_a_session_weeks_away()
    {
        var cancelledSession = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 1);
        var soon = await portal.ScheduleAsync("NEG-DC", daysAhead: 2);
        var later = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 10);
        var ava = await portal.PractitionerAsync("Ava", "Smith");
        var ben = await portal.PractitionerAsync("Ben", "Jones");
        var fay = await portal.PractitionerAsync("Fay", "Green");
        await portal.BookedAsync(ava, cancelledSession);
        var place = await portal.BookedAsync(ben, soon);
        await portal.BookedAsync(fay, later);
        await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().CancelAsync(cancelledSession, "Trainer unwell"));
        await portal.CancelAsync(ben.User, place.BookingId!.Value);

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(await portal.OutboxAsync(ava.Email, "session-reminder"));
        Assert.Empty(await portal.OutboxAsync(ben.Email, "session-reminder"));
        Assert.Empty(await portal.OutboxAsync(fay.Email, "session-reminder"));

        // A week and an hour on, the later session is less than 3 days away.
        portal.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        Assert.Equal(1, await SendDueAsync());
        Assert.Single(await portal.OutboxAsync(fay.Email, "session-reminder"));
    }

    [Fact]
    public async Task A_session_that_has_started_is_not_reminded()
    {
        var session = await portal.SessionAsync(await portal.ScheduleAsync("NEG-ADOL", daysAhead: 2));
        var ava = await portal.PractitionerAsync("Ava", "Smith");
        await portal.BookedAsync(ava, session.Id);
        portal.MoveTo(session.StartsAtUtc);

        Assert.Equal(0, await SendDueAsync());
    }

    [Fact]
    public async Task Two_runs_at_once_still_remind_each_person_once()
    {
        var soon = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 2);
        var people = new List<Person>();
        foreach (var name in new[] { "Ava", "Ben", "Cai", "Dee", "Eli", "Fay" })
        {
            var person = await portal.PractitionerAsync(name, "Smith");
            people.Add(person);
            await portal.BookedAsync(person, soon);
        }

        var runs = await Task.WhenAll(Task.Run(SendDueAsync), Task.Run(SendDueAsync));

        Assert.Equal(6, runs.Sum());
        foreach (var person in people)
        {
            Assert.Single(await portal.OutboxAsync(person.Email, "session-reminder"));
        }
    }

    private Task<int> SendDueAsync() =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<SessionReminderJob>().SendDueAsync(CancellationToken.None));
}

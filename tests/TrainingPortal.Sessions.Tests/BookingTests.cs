using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Security;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

public sealed class BookingTests : IAsyncLifetime
{
    private SessionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await SessionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Booking_a_session_with_free_places_books_the_practitioner_and_confirms_by_email()
    {
        var session = await portal.ScheduleAsync(capacity: 2);
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");

        var result = await portal.BookAsync(nurse, session);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(BookingStatus.Booked, result.Status);
        Assert.Null(result.WaitlistPosition);
        var summary = await portal.SessionAsync(session);
        Assert.Equal(1, summary.BookedCount);
        Assert.Equal(1, summary.PlacesLeft);
        var booking = await portal.BookingAsync(result.BookingId!.Value);
        Assert.Equal(portal.Health, booking.AgencyId);
        Assert.Equal(nurse.PractitionerId, booking.PractitionerId);
        var email = Assert.Single(await portal.OutboxAsync(nurse.Email));
        Assert.Equal("Your place is booked: Adolescent neglect", email.Subject);
    }

    [Fact]
    public async Task Booking_a_full_session_puts_the_practitioner_on_the_waitlist()
    {
        var session = await portal.ScheduleAsync(capacity: 2);
        var people = new List<Person>();
        foreach (var name in new[] { "Ava", "Ben", "Cai", "Dee", "Eli" })
        {
            people.Add(await portal.PractitionerAsync(name, "Smith"));
        }

        var results = new List<BookingResult>();
        foreach (var person in people)
        {
            results.Add(await portal.BookAsync(person, session));
        }

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(
            [BookingStatus.Booked, BookingStatus.Booked, BookingStatus.Waitlisted, BookingStatus.Waitlisted, BookingStatus.Waitlisted],
            results.Select(r => r.Status!.Value));
        Assert.Equal([null, null, 1, 2, 3], results.Select(r => r.WaitlistPosition));
        var summary = await portal.SessionAsync(session);
        Assert.Equal(2, summary.BookedCount);
        Assert.Equal(3, summary.WaitlistCount);
        Assert.Equal(0, summary.PlacesLeft);
        var waiting = Assert.Single(await portal.OutboxAsync(people[3].Email));
        Assert.Equal("You are on the waiting list: Adolescent neglect", waiting.Subject);
        Assert.Contains("(number 2)", waiting.TextBody);
    }

    [Fact]
    public async Task Booking_without_the_prerequisite_is_refused_with_the_course_that_is_needed()
    {
        var session = await portal.ScheduleAsync("NEG-ADOL");
        var newcomer = await portal.PractitionerAsync("Nia", "Hughes", basicAwareness: false);

        var result = await portal.BookAsync(newcomer, session);

        Assert.False(result.Succeeded);
        Assert.Equal("Needs: Neglect basic awareness", result.Reason);
        Assert.Empty(await portal.BookingsAsync(session));
        Assert.Equal(0, (await portal.SessionAsync(session)).BookedCount);
    }

    [Fact]
    public async Task An_expired_prerequisite_does_not_count()
    {
        var session = await portal.ScheduleAsync("NEG-ADOL");
        var nurse = await portal.PractitionerAsync("Nia", "Hughes", basicAwareness: false);
        // Basic awareness is valid for 36 months.
        await portal.CompletedAsync(nurse.PractitionerId, "NEG-BASIC", portal.Today.AddMonths(-37));

        var result = await portal.BookAsync(nurse, session);

        Assert.Equal("Needs: Neglect basic awareness", result.Reason);
    }

    [Fact]
    public async Task A_second_booking_on_the_same_session_is_refused()
    {
        var session = await portal.ScheduleAsync(capacity: 1);
        var booked = await portal.PractitionerAsync("Nia", "Hughes");
        var waiting = await portal.PractitionerAsync("Ola", "Brown");
        await portal.BookedAsync(booked, session);
        await portal.BookedAsync(waiting, session);

        var again = await portal.BookAsync(booked, session);
        var waitingAgain = await portal.BookAsync(waiting, session);

        Assert.Equal("You already have a booking on this session.", again.Reason);
        Assert.Equal("You already have a booking on this session.", waitingAgain.Reason);
        Assert.Equal(2, (await portal.BookingsAsync(session)).Count);
        var summary = await portal.SessionAsync(session);
        Assert.Equal((1, 1), (summary.BookedCount, summary.WaitlistCount));
    }

    [Fact]
    public async Task Pressing_book_twice_at_once_gives_one_place()
    {
        var session = await portal.ScheduleAsync(capacity: 5);
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => portal.BookAsync(nurse, session))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("You already have a booking on this session.", r.Reason));
        Assert.Single(await portal.BookingsAsync(session));
        Assert.Equal(1, (await portal.SessionAsync(session)).BookedCount);
    }

    [Fact]
    public async Task Someone_who_cancelled_may_book_the_same_session_again()
    {
        var session = await portal.ScheduleAsync(capacity: 3);
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var first = await portal.BookedAsync(nurse, session);
        Assert.True((await portal.CancelAsync(nurse.User, first.BookingId!.Value)).Succeeded);

        var second = await portal.BookAsync(nurse, session);

        Assert.True(second.Succeeded, second.Reason);
        Assert.Equal(BookingStatus.Booked, second.Status);
        Assert.NotEqual(first.BookingId, second.BookingId);
        Assert.Equal(1, (await portal.SessionAsync(session)).BookedCount);
    }

    [Fact]
    public async Task A_session_that_overlaps_another_booking_is_refused_and_one_straight_after_is_not()
    {
        var morning = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 14, start: "09:30", end: "12:30");
        var overlapping = await portal.ScheduleAsync("NEG-DC", daysAhead: 14, start: "11:00", end: "14:00");
        var afternoon = await portal.ScheduleAsync("NEG-DC", daysAhead: 14, start: "12:30", end: "15:30");
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        await portal.BookedAsync(nurse, morning);

        var clash = await portal.BookAsync(nurse, overlapping);
        var next = await portal.BookAsync(nurse, afternoon);

        Assert.False(clash.Succeeded);
        Assert.Equal("This overlaps your booking on Adolescent neglect on 15 June 2026, 9:30am.", clash.Reason);
        Assert.True(next.Succeeded, next.Reason);
    }

    [Fact]
    public async Task A_place_on_the_waitlist_also_counts_as_a_clash()
    {
        var full = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 14, start: "09:30", end: "12:30", capacity: 1);
        var overlapping = await portal.ScheduleAsync("NEG-DC", daysAhead: 14, start: "10:00", end: "13:00");
        await portal.BookedAsync(await portal.PractitionerAsync("Ava", "Smith"), full);
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        Assert.Equal(BookingStatus.Waitlisted, (await portal.BookedAsync(nurse, full)).Status);

        var clash = await portal.BookAsync(nurse, overlapping);

        Assert.StartsWith("This overlaps your booking on Adolescent neglect", clash.Reason);
    }

    [Fact]
    public async Task Booking_is_refused_once_it_has_closed()
    {
        var session = await portal.ScheduleAsync(daysAhead: 14);
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var closesOn = (await portal.SessionAsync(session)).BookingClosesOn;
        Assert.Equal(portal.Today.AddDays(13), closesOn);
        // The last minute of the closing day (UK time) is still open; the session's own day is not.
        portal.MoveTo(new DateTime(2026, 6, 14, 22, 59, 0, DateTimeKind.Utc));
        var lastMinute = await portal.PractitionerAsync("Ola", "Brown");
        Assert.True((await portal.BookAsync(lastMinute, session)).Succeeded);
        portal.MoveTo(new DateTime(2026, 6, 14, 23, 0, 0, DateTimeKind.Utc));

        var result = await portal.BookAsync(nurse, session);

        Assert.False(result.Succeeded);
        Assert.Equal("Booking for this session closed on 14 June 2026.", result.Reason);
    }

    [Fact]
    public async Task Booking_a_session_that_has_started_is_refused()
    {
        var input = await portal.InputAsync("NEG-ADOL", daysAhead: 3);
        input.BookingClosesOn = input.Date;
        var scheduled = await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().ScheduleAsync(input));
        var session = await portal.SessionAsync(scheduled.Value);
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        portal.MoveTo(session.StartsAtUtc);

        var result = await portal.BookAsync(nurse, session.Id);

        Assert.Equal("This session has already started.", result.Reason);
    }

    [Fact]
    public async Task Booking_a_cancelled_session_is_refused()
    {
        var session = await portal.ScheduleAsync();
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var cancelled = await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().CancelAsync(session, "Trainer unwell"));
        Assert.True(cancelled.Succeeded);

        var result = await portal.BookAsync(nurse, session);

        Assert.Equal("This session has been cancelled.", result.Reason);
        Assert.Empty(await portal.BookingsAsync(session));
    }

    [Fact]
    public async Task Someone_with_no_agency_cannot_book()
    {
        var session = await portal.ScheduleAsync();
        var visitor = await portal.AccountAsync("Val", "Visitor", Roles.Practitioner);
        var person = new Person(visitor, "Val Visitor", Guid.Empty);

        var result = await portal.BookAsync(person, session);

        Assert.Equal("Your account is not linked to an agency. Ask your agency's safeguarding lead to add you, then book.", result.Reason);
    }

    [Fact]
    public async Task A_person_books_through_an_agency_they_work_for_and_not_through_another()
    {
        var session = await portal.ScheduleAsync();
        var bankNurse = await portal.PractitionerAsync("Nia", "Hughes");
        var other = await portal.As(portal.Coordinator, s => s.GetRequiredService<TrainingPortal.Agencies.Services.AgencyDirectory>()
            .CreateAsync("Little Oaks Day Nurseries", 1));
        await portal.AlsoWorksForAsync(bankNurse, portal.Police);

        var elsewhere = await portal.BookAsync(bankNurse, session, other.Value);
        var throughPolice = await portal.BookAsync(bankNurse, session, portal.Police);

        Assert.Equal("You can only book through an agency you work for.", elsewhere.Reason);
        Assert.True(throughPolice.Succeeded, throughPolice.Reason);
        Assert.Equal(portal.Police, (await portal.BookingAsync(throughPolice.BookingId!.Value)).AgencyId);
    }
}

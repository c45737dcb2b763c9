using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

public sealed class CancellationTests : IAsyncLifetime
{
    private SessionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await SessionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Cancelling_a_booked_place_gives_it_to_the_first_person_on_the_waitlist()
    {
        var session = await portal.ScheduleAsync(capacity: 1);
        var (booked, first, second) = (await portal.PractitionerAsync("Ava", "Smith"), await portal.PractitionerAsync("Ben", "Jones"), await portal.PractitionerAsync("Cai", "Evans"));
        var place = await portal.BookedAsync(booked, session);
        var firstWait = await portal.BookedAsync(first, session);
        var secondWait = await portal.BookedAsync(second, session);

        var cancelled = await portal.CancelAsync(booked.User, place.BookingId!.Value);

        Assert.True(cancelled.Succeeded, SessionsPortal.Errors(cancelled));
        Assert.Equal(BookingStatus.Cancelled, (await portal.BookingAsync(place.BookingId.Value)).Status);
        Assert.Equal(BookingStatus.Booked, (await portal.BookingAsync(firstWait.BookingId!.Value)).Status);
        Assert.Equal(BookingStatus.Waitlisted, (await portal.BookingAsync(secondWait.BookingId!.Value)).Status);
        var summary = await portal.SessionAsync(session);
        Assert.Equal((1, 1), (summary.BookedCount, summary.WaitlistCount));
        var promoted = Assert.Single(await portal.OutboxAsync(first.Email, "booking-promoted"));
        Assert.Equal("A place has come up: Adolescent neglect", promoted.Subject);
        Assert.Contains("it is yours: you were first on the waiting list", promoted.TextBody);
        Assert.Equal("invite.ics", Assert.Single(promoted.Attachments).FileName);
        Assert.Empty(await portal.OutboxAsync(second.Email, "booking-promoted"));
        var told = Assert.Single(await portal.OutboxAsync(booked.Email, "booking-cancelled"));
        Assert.Equal("Cancelled: Adolescent neglect", told.Subject);
        Assert.DoesNotContain("late", told.TextBody);
    }

    [Fact]
    public async Task Cancelling_inside_the_late_window_is_a_late_cancellation_with_the_course_charge()
    {
        await portal.ChargeAsync("NEG-ADOL", 6500);
        var session = await portal.SessionAsync(await portal.ScheduleAsync(capacity: 1));
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var waiting = await portal.PractitionerAsync("Ola", "Brown");
        var place = await portal.BookedAsync(nurse, session.Id);
        await portal.BookedAsync(waiting, session.Id);
        // The neglect-partnership recipe sets a 48-hour window.
        portal.MoveTo(session.StartsAtUtc.AddHours(-47));

        var cancelled = await portal.CancelAsync(nurse.User, place.BookingId!.Value);

        Assert.True(cancelled.Succeeded);
        var booking = await portal.BookingAsync(place.BookingId.Value);
        Assert.Equal(BookingStatus.LateCancelled, booking.Status);
        Assert.Equal(6500, booking.ChargePence);
        Assert.Equal(portal.Clock.UtcNow.UtcDateTime, booking.CancelledAt);
        Assert.Contains("recorded as a late cancellation for your agency", Assert.Single(await portal.OutboxAsync(nurse.Email, "booking-cancelled")).TextBody);
        // The place is not lost: the waitlist still gets it.
        Assert.Single(await portal.OutboxAsync(waiting.Email, "booking-promoted"));
        Assert.Equal(1, (await portal.SessionAsync(session.Id)).BookedCount);
    }

    [Fact]
    public async Task Cancelling_before_the_late_window_is_free()
    {
        await portal.ChargeAsync("NEG-ADOL", 6500);
        var session = await portal.SessionAsync(await portal.ScheduleAsync());
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session.Id);
        portal.MoveTo(session.StartsAtUtc.AddHours(-48));

        await portal.CancelAsync(nurse.User, place.BookingId!.Value);

        var booking = await portal.BookingAsync(place.BookingId.Value);
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal(0, booking.ChargePence);
    }

    [Fact]
    public async Task A_late_cancellation_on_a_course_without_its_own_charge_costs_the_partnerships_charge()
    {
        // The neglect-partnership recipe charges 5000 pence a place unless a course has its own charge.
        var session = await portal.SessionAsync(await portal.ScheduleAsync());
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session.Id);
        portal.MoveTo(session.StartsAtUtc.AddHours(-2));

        await portal.CancelAsync(nurse.User, place.BookingId!.Value);

        var booking = await portal.BookingAsync(place.BookingId.Value);
        Assert.Equal(BookingStatus.LateCancelled, booking.Status);
        Assert.Equal(5000, booking.ChargePence);
    }

    [Fact]
    public async Task A_course_charged_at_nothing_is_free_even_when_the_partnership_charges()
    {
        await portal.ChargeAsync("NEG-ADOL", 0);
        var session = await portal.SessionAsync(await portal.ScheduleAsync());
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session.Id);
        portal.MoveTo(session.StartsAtUtc.AddHours(-2));

        await portal.CancelAsync(nurse.User, place.BookingId!.Value);

        var booking = await portal.BookingAsync(place.BookingId.Value);
        Assert.Equal(BookingStatus.LateCancelled, booking.Status);
        Assert.Equal(0, booking.ChargePence);
    }

    [Fact]
    public async Task Leaving_the_waitlist_late_is_neither_late_nor_charged_and_promotes_nobody()
    {
        await portal.ChargeAsync("NEG-ADOL", 6500);
        var session = await portal.SessionAsync(await portal.ScheduleAsync(capacity: 1));
        var booked = await portal.PractitionerAsync("Ava", "Smith");
        var first = await portal.PractitionerAsync("Ben", "Jones");
        var second = await portal.PractitionerAsync("Cai", "Evans");
        await portal.BookedAsync(booked, session.Id);
        var firstWait = await portal.BookedAsync(first, session.Id);
        await portal.BookedAsync(second, session.Id);
        portal.MoveTo(session.StartsAtUtc.AddHours(-2));

        await portal.CancelAsync(first.User, firstWait.BookingId!.Value);

        var booking = await portal.BookingAsync(firstWait.BookingId.Value);
        Assert.Equal((BookingStatus.Cancelled, 0), (booking.Status, booking.ChargePence));
        var summary = await portal.SessionAsync(session.Id);
        Assert.Equal((1, 1), (summary.BookedCount, summary.WaitlistCount));
        Assert.Empty(await portal.OutboxAsync(second.Email, "booking-promoted"));
        // No calendar event was ever sent for a waitlisted place, so none is cancelled.
        Assert.Empty(Assert.Single(await portal.OutboxAsync(first.Email, "booking-cancelled")).Attachments);
    }

    [Fact]
    public async Task Nobody_jumps_the_queue_a_new_booker_waits_behind_the_people_already_waiting()
    {
        var session = await portal.ScheduleAsync(capacity: 2);
        var people = new List<Person>();
        foreach (var name in new[] { "Ava", "Ben", "Cai", "Dee" })
        {
            people.Add(await portal.PractitionerAsync(name, "Smith"));
        }
        var bookings = new List<BookingResult>();
        foreach (var person in people)
        {
            bookings.Add(await portal.BookedAsync(person, session));
        }
        await portal.CancelAsync(people[0].User, bookings[0].BookingId!.Value);
        var late = await portal.PractitionerAsync("Eli", "Smith");

        var latecomer = await portal.BookedAsync(late, session);

        Assert.Equal(BookingStatus.Waitlisted, latecomer.Status);
        Assert.Equal(3, latecomer.WaitlistPosition);
        // Second in the queue now: Dee waits ahead.
        Assert.Contains("(number 2)", Assert.Single(await portal.OutboxAsync(late.Email, "booking-waitlisted")).TextBody);
        Assert.Equal(BookingStatus.Booked, (await portal.BookingAsync(bookings[2].BookingId!.Value)).Status);
        Assert.Equal(BookingStatus.Waitlisted, (await portal.BookingAsync(bookings[3].BookingId!.Value)).Status);

        await portal.CancelAsync(people[1].User, bookings[1].BookingId!.Value);

        Assert.Equal(BookingStatus.Booked, (await portal.BookingAsync(bookings[3].BookingId!.Value)).Status);
        Assert.Equal(BookingStatus.Waitlisted, (await portal.BookingAsync(latecomer.BookingId!.Value)).Status);
        var summary = await portal.SessionAsync(session);
        Assert.Equal((2, 1), (summary.BookedCount, summary.WaitlistCount));
    }

    [Fact]
    public async Task A_lead_may_cancel_a_booking_of_their_own_staff()
    {
        var session = await portal.ScheduleAsync();
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session);

        var cancelled = await portal.CancelAsync(portal.HealthLead, place.BookingId!.Value);

        Assert.True(cancelled.Succeeded);
        var booking = await portal.BookingAsync(place.BookingId.Value);
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal(portal.HealthLead.UserId, booking.CancelledByUserId);
        Assert.Equal(0, (await portal.SessionAsync(session)).BookedCount);
    }

    [Fact]
    public async Task A_booking_is_cancelled_only_once()
    {
        var session = await portal.ScheduleAsync();
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session);
        await portal.CancelAsync(nurse.User, place.BookingId!.Value);

        var again = await portal.CancelAsync(nurse.User, place.BookingId.Value);

        Assert.Equal("That booking has already been cancelled or closed.", Assert.Single(again.Errors).Message);
        Assert.Equal(0, (await portal.SessionAsync(session)).BookedCount);
        Assert.Single(await portal.OutboxAsync(nurse.Email, "booking-cancelled"));
    }

    [Fact]
    public async Task A_booking_cannot_be_cancelled_once_the_session_has_started()
    {
        var session = await portal.SessionAsync(await portal.ScheduleAsync());
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session.Id);
        portal.MoveTo(session.StartsAtUtc);

        var cancelled = await portal.CancelAsync(nurse.User, place.BookingId!.Value);

        Assert.Equal("The session has started: the trainer records attendance now.", Assert.Single(cancelled.Errors).Message);
        Assert.Equal(BookingStatus.Booked, (await portal.BookingAsync(place.BookingId.Value)).Status);
    }

    [Fact]
    public async Task A_request_waiting_for_approval_can_be_withdrawn_without_touching_the_places()
    {
        var session = await portal.ScheduleAsync("NEG-ADV", capacity: 1);
        var booked = await portal.PractitionerAsync("Ava", "Smith");
        var asking = await portal.PractitionerAsync("Ben", "Jones");
        var place = await portal.BookedAsync(booked, session);
        await portal.As(portal.HealthLead, s => s.GetRequiredService<BookingService>().ApproveAsync(place.BookingId!.Value));
        var request = await portal.BookedAsync(asking, session);

        await portal.CancelAsync(asking.User, request.BookingId!.Value);

        Assert.Equal(BookingStatus.Cancelled, (await portal.BookingAsync(request.BookingId.Value)).Status);
        var summary = await portal.SessionAsync(session);
        Assert.Equal((1, 0), (summary.BookedCount, summary.WaitlistCount));
    }
}

using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Results;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

public sealed class SchedulerTests : IAsyncLifetime
{
    private SessionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await SessionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task An_empty_form_says_what_is_missing_field_by_field()
    {
        var result = await ScheduleAsync(new SessionInput());

        Assert.Equal(
            [
                ("CourseId", "Select the course"),
                ("Date", "Enter the date of the session"),
                ("StartTime", "Enter the start time, like 09:30"),
                ("EndTime", "Enter the end time, like 16:00"),
                ("VenueName", "Enter the venue"),
                ("Capacity", "Enter the number of places, from 1 to 500"),
                ("TrainerIds", "Select at least one trainer"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public async Task Times_dates_links_and_places_that_make_no_sense_are_refused()
    {
        var endsFirst = await portal.InputAsync("NEG-ADV", start: "14:00", end: "13:00");
        var past = await portal.InputAsync("NEG-ADV", daysAhead: 0, start: "08:30", end: "12:00");
        var closesLate = await portal.InputAsync("NEG-ADV");
        closesLate.BookingClosesOn = closesLate.Date!.Value.AddDays(1);
        var badLink = await portal.InputAsync("NEG-ADOL");
        badLink.JoiningLink = "http://meet.example/neglect";
        var tooMany = await portal.InputAsync("NEG-ADV", capacity: 501);
        var none = await portal.InputAsync("NEG-ADV", capacity: 0);
        var notATrainer = await portal.InputAsync("NEG-ADV", trainers: portal.HealthLead);

        Assert.Equal(("EndTime", "The end time must be after the start time"), Single(await ScheduleAsync(endsFirst)));
        Assert.Equal(("Date", "The session must start in the future"), Single(await ScheduleAsync(past)));
        Assert.Equal(("BookingClosesOn", "Booking must close on or before the day of the session"), Single(await ScheduleAsync(closesLate)));
        Assert.Equal(("JoiningLink", "Enter the joining link, starting https://"), Single(await ScheduleAsync(badLink)));
        Assert.Equal(("Capacity", "Enter the number of places, from 1 to 500"), Single(await ScheduleAsync(tooMany)));
        Assert.Equal(("Capacity", "Enter the number of places, from 1 to 500"), Single(await ScheduleAsync(none)));
        Assert.Equal(("TrainerIds", "Select trainers from the list"), Single(await ScheduleAsync(notATrainer)));
    }

    [Fact]
    public async Task A_session_is_scheduled_in_UK_time_and_booking_closes_the_day_before()
    {
        var input = await portal.InputAsync("NEG-ADV", daysAhead: 14, start: "9.30", end: "16:30", capacity: 18);

        var scheduled = await ScheduleAsync(input);

        Assert.True(scheduled.Succeeded, SessionsPortal.Errors(scheduled));
        var session = await portal.SessionAsync(scheduled.Value);
        // 15 June is in British Summer Time: 09:30 in the UK is 08:30 UTC.
        Assert.Equal(new DateTime(2026, 6, 15, 8, 30, 0, DateTimeKind.Utc), session.StartsAtUtc);
        Assert.Equal(new DateTime(2026, 6, 15, 15, 30, 0, DateTimeKind.Utc), session.EndsAtUtc);
        Assert.Equal(new DateOnly(2026, 6, 14), session.BookingClosesOn);
        Assert.Equal((18, 0, 0, SessionStatus.Scheduled), (session.Capacity, session.BookedCount, session.WaitlistCount, session.Status));
        Assert.Equal("Civic Centre, Committee Room 2", session.Where);
        Assert.Matches("^[2-9A-HJKMNP-TV-Z]{6}$", session.CheckInCode);
        Assert.Equal(["Tariq Trainer"], await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionQueries>().TrainerNamesAsync(session.Id)));
    }

    [Fact]
    public async Task An_e_learning_course_cannot_be_scheduled_as_a_session()
    {
        var input = await portal.InputAsync("NEG-BASIC");

        var result = await ScheduleAsync(input);

        Assert.Equal(("CourseId", "Select the course"), Single(result));
        var schedulable = await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().SchedulableCoursesAsync());
        Assert.DoesNotContain(schedulable, c => c.Name == "Neglect basic awareness");
        Assert.Contains(schedulable, c => c.Name == "Graded Care Profile 2 practitioner");
    }

    [Fact]
    public async Task A_GCP2_practitioner_session_is_refused_for_a_trainer_without_the_GCP2_trainer_licence()
    {
        var input = await portal.InputAsync("GCP2-PRAC", capacity: 12, trainers: portal.Trainer);

        var result = await ScheduleAsync(input);

        Assert.Equal(("TrainerIds", "GCP2 practitioner training can only be given by a licensed GCP2 trainer: Tariq Trainer is not licensed"), Single(result));
    }

    [Fact]
    public async Task A_GCP2_practitioner_session_is_accepted_for_a_licensed_GCP2_trainer()
    {
        var licensed = await portal.Gcp2TrainerAsync("Gwen", "Licensed");
        var input = await portal.InputAsync("GCP2-PRAC", capacity: 12, trainers: licensed);

        var result = await ScheduleAsync(input);

        Assert.True(result.Succeeded, SessionsPortal.Errors(result));
        var trainers = await portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().TrainersAsync());
        Assert.Equal([("Gwen Licensed", true), ("Tariq Trainer", false)], trainers.Select(t => (t.Name, t.IsGcp2Trainer)).OrderBy(t => t.Name));
    }

    [Fact]
    public async Task A_GCP2_practitioner_session_names_every_unlicensed_co_trainer()
    {
        var licensed = await portal.Gcp2TrainerAsync("Gwen", "Licensed");
        var other = await portal.AccountAsync("Oscar", "Other", Core.Security.Roles.Trainer);
        var input = await portal.InputAsync("GCP2-PRAC", capacity: 12, trainers: [licensed, portal.Trainer, other]);

        var result = await ScheduleAsync(input);

        var error = Single(result);
        Assert.Equal("TrainerIds", error.Field);
        Assert.StartsWith("GCP2 practitioner training can only be given by a licensed GCP2 trainer: ", error.Message);
        Assert.EndsWith(" are not licensed", error.Message);
        Assert.Contains("Tariq Trainer", error.Message);
        Assert.Contains("Oscar Other", error.Message);
        Assert.DoesNotContain("Gwen", error.Message);
    }

    [Fact]
    public async Task Cancelling_a_session_tells_everyone_on_it_and_frees_nobody_into_places()
    {
        var session = await portal.ScheduleAsync("NEG-ADV", capacity: 2);
        var (ava, ben, cai, dee) = (await portal.PractitionerAsync("Ava", "Smith"), await portal.PractitionerAsync("Ben", "Jones"),
            await portal.PractitionerAsync("Cai", "Evans"), await portal.PractitionerAsync("Dee", "Price"));
        foreach (var person in new[] { ava, ben, cai })
        {
            var request = await portal.BookedAsync(person, session);
            await portal.As(portal.HealthLead, s => s.GetRequiredService<BookingService>().ApproveAsync(request.BookingId!.Value));
        }
        await portal.BookedAsync(dee, session);

        var withoutReason = await CancelSessionAsync(session, " ");
        var cancelled = await CancelSessionAsync(session, "The trainer is unwell");

        Assert.Equal(("Reason", "Enter the reason for cancelling, so people know why"), Single(withoutReason));
        Assert.True(cancelled.Succeeded);
        var summary = await portal.SessionAsync(session);
        Assert.Equal((SessionStatus.Cancelled, "The trainer is unwell", 0, 0), (summary.Status, summary.CancellationReason, summary.BookedCount, summary.WaitlistCount));
        Assert.All(await portal.BookingsAsync(session), b => Assert.Equal(BookingStatus.SessionCancelled, b.Status));
        foreach (var (person, heldPlace) in new[] { (ava, true), (ben, true), (cai, false), (dee, false) })
        {
            var told = Assert.Single(await portal.OutboxAsync(person.Email, "session-cancelled"));
            Assert.Equal("Session cancelled: Neglect advanced multi-agency practice", told.Subject);
            Assert.Contains("Reason: The trainer is unwell", told.TextBody);
            Assert.Equal(heldPlace, told.Attachments.Count == 1);
            Assert.Empty(await portal.OutboxAsync(person.Email, "booking-promoted"));
        }
        Assert.Equal(("", "This session has already been cancelled or its register closed."), Single(await CancelSessionAsync(session, "Again")));
    }

    [Fact]
    public async Task Raising_the_capacity_gives_the_new_places_to_the_waitlist_in_order()
    {
        var session = await portal.ScheduleAsync("NEG-ADOL", capacity: 2);
        var people = new List<Person>();
        var bookings = new List<BookingResult>();
        foreach (var name in new[] { "Ava", "Ben", "Cai", "Dee", "Eli" })
        {
            var person = await portal.PractitionerAsync(name, "Smith");
            people.Add(person);
            bookings.Add(await portal.BookedAsync(person, session));
        }
        var input = await portal.InputAsync("NEG-ADOL", capacity: 4);

        var changed = await ChangeAsync(session, input);

        Assert.True(changed.Succeeded, SessionsPortal.Errors(changed));
        var statuses = new List<BookingStatus>();
        foreach (var booking in bookings)
        {
            statuses.Add((await portal.BookingAsync(booking.BookingId!.Value)).Status);
        }
        Assert.Equal([BookingStatus.Booked, BookingStatus.Booked, BookingStatus.Booked, BookingStatus.Booked, BookingStatus.Waitlisted], statuses);
        var summary = await portal.SessionAsync(session);
        Assert.Equal((4, 4, 1), (summary.Capacity, summary.BookedCount, summary.WaitlistCount));
        Assert.Single(await portal.OutboxAsync(people[2].Email, "booking-promoted"));
        Assert.Single(await portal.OutboxAsync(people[3].Email, "booking-promoted"));
        Assert.Empty(await portal.OutboxAsync(people[4].Email, "booking-promoted"));
        // Nothing about the time or place changed, so nobody gets a "changed" email.
        Assert.Empty(await portal.OutboxAsync(people[0].Email, "session-changed"));
    }

    [Fact]
    public async Task Raising_the_capacity_beyond_the_waitlist_leaves_places_free()
    {
        var session = await portal.ScheduleAsync("NEG-ADOL", capacity: 1);
        await portal.BookedAsync(await portal.PractitionerAsync("Ava", "Smith"), session);
        await portal.BookedAsync(await portal.PractitionerAsync("Ben", "Smith"), session);

        await ChangeAsync(session, await portal.InputAsync("NEG-ADOL", capacity: 10));

        var summary = await portal.SessionAsync(session);
        Assert.Equal((10, 2, 0, 8), (summary.Capacity, summary.BookedCount, summary.WaitlistCount, summary.PlacesLeft));
        var next = await portal.BookedAsync(await portal.PractitionerAsync("Cai", "Smith"), session);
        Assert.Equal(BookingStatus.Booked, next.Status);
    }

    [Fact]
    public async Task Lowering_the_capacity_below_the_places_booked_is_refused()
    {
        var session = await portal.ScheduleAsync("NEG-ADOL", capacity: 5);
        foreach (var name in new[] { "Ava", "Ben", "Cai" })
        {
            await portal.BookedAsync(await portal.PractitionerAsync(name, "Smith"), session);
        }

        var tooLow = await ChangeAsync(session, await portal.InputAsync("NEG-ADOL", capacity: 2));
        var exact = await ChangeAsync(session, await portal.InputAsync("NEG-ADOL", capacity: 3));

        Assert.Equal(("Capacity", "3 places are already booked: the capacity cannot be lower than that"), Single(tooLow));
        Assert.True(exact.Succeeded, SessionsPortal.Errors(exact));
        var summary = await portal.SessionAsync(session);
        Assert.Equal((3, 3), (summary.Capacity, summary.BookedCount));
        Assert.Equal(BookingStatus.Waitlisted, (await portal.BookedAsync(await portal.PractitionerAsync("Dee", "Smith"), session)).Status);
    }

    [Fact]
    public async Task Moving_a_session_sends_the_booked_people_an_updated_invite_and_a_fresh_reminder()
    {
        var session = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 2, capacity: 1);
        var booked = await portal.PractitionerAsync("Ava", "Smith");
        var waiting = await portal.PractitionerAsync("Ben", "Jones");
        var place = await portal.BookedAsync(booked, session);
        await portal.BookedAsync(waiting, session);
        await portal.As(portal.Coordinator, s => s.GetRequiredService<Jobs.SessionReminderJob>().SendDueAsync(CancellationToken.None));
        Assert.NotNull((await portal.BookingAsync(place.BookingId!.Value)).ReminderSentAt);

        var changed = await ChangeAsync(session, await portal.InputAsync("NEG-ADOL", daysAhead: 2, start: "13:00", end: "16:00", capacity: 1));

        Assert.True(changed.Succeeded, SessionsPortal.Errors(changed));
        var booking = await portal.BookingAsync(place.BookingId.Value);
        Assert.Equal(1, booking.CalendarSequence);
        Assert.Null(booking.ReminderSentAt);
        var email = Assert.Single(await portal.OutboxAsync(booked.Email, "session-changed"));
        Assert.Equal("Changed: Adolescent neglect", email.Subject);
        Assert.Contains("When: 3 June 2026, 1:00pm to 4:00pm.", email.TextBody);
        var invite = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(Assert.Single(email.Attachments).Content))!;
        Assert.Equal(1, Assert.Single(invite.Events).Sequence);
        Assert.Empty(await portal.OutboxAsync(waiting.Email, "session-changed"));
    }

    [Fact]
    public async Task A_cancelled_session_cannot_be_changed()
    {
        var session = await portal.ScheduleAsync();
        await CancelSessionAsync(session, "No longer needed");

        var changed = await ChangeAsync(session, await portal.InputAsync("NEG-ADOL", capacity: 30));

        Assert.Equal(("", "Only a scheduled session can be changed."), Single(changed));
    }

    private static (string Field, string Message) Single(OperationResult result)
    {
        var error = Assert.Single(result.Errors);
        return (error.Field, error.Message);
    }

    private Task<OperationResult<Guid>> ScheduleAsync(SessionInput input) =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().ScheduleAsync(input));

    private Task<OperationResult> ChangeAsync(Guid sessionId, SessionInput input) =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().ChangeAsync(sessionId, input));

    private Task<OperationResult> CancelSessionAsync(Guid sessionId, string reason) =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<SessionScheduler>().CancelAsync(sessionId, reason));
}

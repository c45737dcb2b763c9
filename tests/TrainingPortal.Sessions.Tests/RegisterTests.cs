using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

public sealed class RegisterTests : IAsyncLifetime
{
    private SessionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await SessionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Check_in_opens_30_minutes_before_the_start_and_closes_at_the_end()
    {
        var session = await portal.SessionAsync(await portal.ScheduleAsync(daysAhead: 2));
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session.Id);

        portal.MoveTo(session.StartsAtUtc.AddMinutes(-31));
        var early = await CheckInAsync(nurse, session.CheckInCode);
        portal.MoveTo(session.EndsAtUtc.AddMinutes(1));
        var afterwards = await CheckInAsync(nurse, session.CheckInCode);
        portal.MoveTo(session.StartsAtUtc.AddMinutes(-30));
        var onTime = await CheckInAsync(nurse, $" {session.CheckInCode[..3].ToLowerInvariant()}-{session.CheckInCode[3..]} ");

        Assert.Equal("Check-in is open from 30 minutes before the session starts until it ends", Assert.Single(early.Errors).Message);
        Assert.Equal("Check-in is open from 30 minutes before the session starts until it ends", Assert.Single(afterwards.Errors).Message);
        Assert.True(onTime.Succeeded, SessionsPortal.Errors(onTime));
        Assert.Equal(session.Id, onTime.Value!.Id);
        var booking = await portal.BookingAsync(place.BookingId!.Value);
        Assert.Equal(BookingStatus.Attended, booking.Status);
        Assert.Equal(session.StartsAtUtc.AddMinutes(-30), booking.CheckedInAt);
    }

    [Fact]
    public async Task Check_in_is_still_open_in_the_last_minute_of_the_session()
    {
        var session = await portal.SessionAsync(await portal.ScheduleAsync(daysAhead: 2));
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        await portal.BookedAsync(nurse, session.Id);
        portal.MoveTo(session.EndsAtUtc);

        Assert.True((await CheckInAsync(nurse, session.CheckInCode)).Succeeded);
    }

    [Fact]
    public async Task Only_people_with_a_place_on_the_session_can_check_in()
    {
        var session = await portal.SessionAsync(await portal.ScheduleAsync(daysAhead: 2, capacity: 1));
        var booked = await portal.PractitionerAsync("Ava", "Smith");
        var waiting = await portal.PractitionerAsync("Ben", "Jones");
        var stranger = await portal.PractitionerAsync("Cai", "Evans");
        await portal.BookedAsync(booked, session.Id);
        var wait = await portal.BookedAsync(waiting, session.Id);
        portal.MoveTo(session.StartsAtUtc.AddMinutes(5));

        var waitingCheckIn = await CheckInAsync(waiting, session.CheckInCode);
        var strangerCheckIn = await CheckInAsync(stranger, session.CheckInCode);
        var wrongCode = await CheckInAsync(booked, "ZZZZZZ" == session.CheckInCode ? "YYYYYY" : "ZZZZZZ");
        var blank = await CheckInAsync(booked, " - ");

        Assert.Equal("You do not have a place on this session. Speak to the trainer", Assert.Single(waitingCheckIn.Errors).Message);
        Assert.Equal("You do not have a place on this session. Speak to the trainer", Assert.Single(strangerCheckIn.Errors).Message);
        Assert.Equal("That code does not match a session. Check it and try again", Assert.Single(wrongCode.Errors).Message);
        Assert.Equal("Enter the code your trainer is showing", Assert.Single(blank.Errors).Message);
        Assert.Equal(BookingStatus.Waitlisted, (await portal.BookingAsync(wait.BookingId!.Value)).Status);
    }

    [Fact]
    public async Task The_register_opens_30_minutes_before_the_start_and_only_for_the_sessions_trainers()
    {
        var session = await portal.SessionAsync(await portal.ScheduleAsync(daysAhead: 2));
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session.Id);
        var otherTrainer = await portal.AccountAsync("Oscar", "Other", Core.Security.Roles.Trainer);
        var marks = new Dictionary<Guid, AttendanceMark> { [place.BookingId!.Value] = AttendanceMark.Attended };

        portal.MoveTo(session.StartsAtUtc.AddMinutes(-31));
        var tooEarly = await MarkAsync(portal.Trainer, session.Id, marks);
        portal.MoveTo(session.StartsAtUtc.AddMinutes(-30));
        var notTheirs = await MarkAsync(otherTrainer, session.Id, marks);
        var marked = await MarkAsync(portal.Trainer, session.Id, marks);

        Assert.Equal("The register opens 30 minutes before the session starts.", Assert.Single(tooEarly.Errors).Message);
        Assert.Equal("Only the session's trainers and the training unit can take its register.", Assert.Single(notTheirs.Errors).Message);
        Assert.True(marked.Succeeded);
        Assert.Equal(BookingStatus.Attended, (await portal.BookingAsync(place.BookingId.Value)).Status);
        Assert.Null(await portal.As(otherTrainer, s => s.GetRequiredService<Registers>().GetAsync(session.Id)));
    }

    [Fact]
    public async Task Closing_the_register_is_refused_while_anyone_is_unmarked()
    {
        var session = await portal.SessionAsync(await portal.ScheduleAsync(daysAhead: 2));
        var places = new List<Guid>();
        foreach (var name in new[] { "Ava", "Ben", "Cai" })
        {
            places.Add((await portal.BookedAsync(await portal.PractitionerAsync(name, "Smith"), session.Id)).BookingId!.Value);
        }
        portal.MoveTo(session.StartsAtUtc.AddMinutes(-10));
        var beforeStart = await CloseAsync(session.Id);
        portal.MoveTo(session.EndsAtUtc);
        await MarkAsync(portal.Trainer, session.Id, new Dictionary<Guid, AttendanceMark> { [places[0]] = AttendanceMark.Attended });

        var twoLeft = await CloseAsync(session.Id);
        await MarkAsync(portal.Trainer, session.Id, new Dictionary<Guid, AttendanceMark> { [places[1]] = AttendanceMark.Attended });
        var oneLeft = await CloseAsync(session.Id);

        Assert.Equal("The register can be closed once the session has started.", Assert.Single(beforeStart.Errors).Message);
        Assert.Equal("Mark everyone before closing the register: 2 people are not marked.", Assert.Single(twoLeft.Errors).Message);
        Assert.Equal("Mark everyone before closing the register: 1 person is not marked.", Assert.Single(oneLeft.Errors).Message);
        var register = await portal.As(portal.Trainer, s => s.GetRequiredService<Registers>().GetAsync(session.Id));
        Assert.Equal(1, register!.Unmarked);
        Assert.False(register.IsClosed);
        Assert.Empty(await RecordsAsync(session.CourseId));
    }

    [Fact]
    public async Task Closing_the_register_records_training_for_attendees_only_and_charges_and_reports_did_not_attend()
    {
        await portal.ChargeAsync("NEG-ADOL", 6500);
        var session = await portal.SessionAsync(await portal.ScheduleAsync(daysAhead: 2, capacity: 4));
        var attended = await portal.PractitionerAsync("Ava", "Smith");
        var partly = await portal.PractitionerAsync("Ben", "Jones");
        var absent = await portal.PractitionerAsync("Cai", "Evans");
        var officer = await portal.PractitionerAsync("Pat", "Constable", portal.Police);
        var waiting = await portal.PractitionerAsync("Dee", "Price");
        var places = new Dictionary<Person, Guid>();
        foreach (var person in new[] { attended, partly, absent, officer, waiting })
        {
            places[person] = (await portal.BookedAsync(person, session.Id)).BookingId!.Value;
        }
        portal.MoveTo(session.StartsAtUtc.AddMinutes(-5));
        Assert.True((await CheckInAsync(attended, session.CheckInCode)).Succeeded);
        portal.MoveTo(session.EndsAtUtc.AddMinutes(10));
        await MarkAsync(portal.Trainer, session.Id, new Dictionary<Guid, AttendanceMark>
        {
            [places[partly]] = AttendanceMark.Partial,
            [places[absent]] = AttendanceMark.DidNotAttend,
            [places[officer]] = AttendanceMark.DidNotAttend,
        });

        var closed = await CloseAsync(session.Id);

        Assert.True(closed.Succeeded, SessionsPortal.Errors(closed));
        var records = await RecordsAsync(session.CourseId);
        var record = Assert.Single(records);
        Assert.Equal(attended.PractitionerId, record.PractitionerId);
        Assert.Equal(TrainingSource.Session, record.Source);
        Assert.Equal(new DateOnly(2026, 6, 3), record.CompletedOn);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", record.CertificateNumber);
        Assert.Equal(record.Id, (await portal.BookingAsync(places[attended])).TrainingRecordId);
        Assert.Equal(BookingStatus.PartiallyAttended, (await portal.BookingAsync(places[partly])).Status);
        Assert.Equal((BookingStatus.DidNotAttend, 6500), await StatusAndChargeAsync(places[absent]));
        Assert.Equal((BookingStatus.DidNotAttend, 6500), await StatusAndChargeAsync(places[officer]));
        Assert.Equal((BookingStatus.Attended, 0), await StatusAndChargeAsync(places[attended]));
        Assert.Equal(BookingStatus.Cancelled, (await portal.BookingAsync(places[waiting])).Status);

        var healthLeadEmail = Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, "booking-did-not-attend"));
        Assert.Equal("Did not attend: Cai Evans, Adolescent neglect", healthLeadEmail.Subject);
        Assert.Contains("£65.00", healthLeadEmail.TextBody);
        Assert.Equal("Did not attend: Pat Constable, Adolescent neglect", Assert.Single(await portal.OutboxAsync(portal.PoliceLead.Email, "booking-did-not-attend")).Subject);

        var summary = await portal.SessionAsync(session.Id);
        Assert.Equal(SessionStatus.Completed, summary.Status);
        Assert.NotNull(summary.RegisterClosedAt);
        Assert.Equal((4, 0), (summary.BookedCount, summary.WaitlistCount));
        var register = await portal.As(portal.Trainer, s => s.GetRequiredService<Registers>().GetAsync(session.Id));
        Assert.True(register!.IsClosed);
        Assert.Equal(record.CertificateNumber, register.Lines.Single(l => l.PractitionerId == attended.PractitionerId).CertificateNumber);
        Assert.All(register.Lines.Where(l => l.PractitionerId != attended.PractitionerId), l => Assert.Null(l.CertificateNumber));
    }

    [Fact]
    public async Task A_register_closes_once_and_then_cannot_be_marked()
    {
        var session = await portal.SessionAsync(await portal.ScheduleAsync(daysAhead: 2));
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session.Id);
        portal.MoveTo(session.EndsAtUtc);
        await MarkAsync(portal.Trainer, session.Id, new Dictionary<Guid, AttendanceMark> { [place.BookingId!.Value] = AttendanceMark.Attended });
        Assert.True((await CloseAsync(session.Id)).Succeeded);

        var again = await CloseAsync(session.Id);
        var remark = await MarkAsync(portal.Trainer, session.Id, new Dictionary<Guid, AttendanceMark> { [place.BookingId.Value] = AttendanceMark.DidNotAttend });
        var checkIn = await CheckInAsync(nurse, session.CheckInCode);

        Assert.Equal("This register is already closed.", Assert.Single(again.Errors).Message);
        Assert.Equal("This register is closed.", Assert.Single(remark.Errors).Message);
        Assert.False(checkIn.Succeeded);
        Assert.Single(await RecordsAsync(session.CourseId));
        Assert.Equal(BookingStatus.Attended, (await portal.BookingAsync(place.BookingId.Value)).Status);
    }

    [Fact]
    public async Task Attending_a_GCP2_practitioner_session_licenses_the_practitioner_to_use_the_tool()
    {
        var licensedTrainer = await portal.Gcp2TrainerAsync("Gwen", "Licensed");
        var session = await portal.SessionAsync(await portal.ScheduleAsync("GCP2-PRAC", daysAhead: 2, capacity: 12, trainers: licensedTrainer));
        var socialWorker = await portal.PractitionerAsync("Sam", "Worker");
        var request = await portal.BookedAsync(socialWorker, session.Id);
        await portal.As(portal.HealthLead, s => s.GetRequiredService<BookingService>().ApproveAsync(request.BookingId!.Value));
        portal.MoveTo(session.EndsAtUtc);
        await MarkAsync(licensedTrainer, session.Id, new Dictionary<Guid, AttendanceMark> { [request.BookingId!.Value] = AttendanceMark.Attended });

        var closed = await portal.As(licensedTrainer, s => s.GetRequiredService<Registers>().CloseAsync(session.Id));

        Assert.True(closed.Succeeded, SessionsPortal.Errors(closed));
        Assert.True(await portal.As(portal.Coordinator, s => s.GetRequiredService<Qualifications>().HoldsAsync(socialWorker.PractitionerId, CourseLicence.Gcp2Practitioner)));
    }

    private Task<OperationResult<SessionSummary>> CheckInAsync(Person person, string code) =>
        portal.As(person.User, s => s.GetRequiredService<Registers>().CheckInAsync(code));

    private Task<OperationResult> MarkAsync(Testing.SignedInUser trainer, Guid sessionId, Dictionary<Guid, AttendanceMark> marks) =>
        portal.As(trainer, s => s.GetRequiredService<Registers>().MarkAsync(sessionId, marks));

    private Task<OperationResult> CloseAsync(Guid sessionId) =>
        portal.As(portal.Trainer, s => s.GetRequiredService<Registers>().CloseAsync(sessionId));

    private async Task<(BookingStatus, int)> StatusAndChargeAsync(Guid bookingId)
    {
        var booking = await portal.BookingAsync(bookingId);
        return (booking.Status, booking.ChargePence);
    }

    private Task<List<TrainingRecord>> RecordsAsync(Guid courseId) =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<TrainingRecord>().AsNoTracking()
            .Where(r => r.CourseId == courseId).ToListAsync());
}

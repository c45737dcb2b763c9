using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

public sealed class CalendarInviteTests
{
    private static readonly Guid BookingId = Guid.Parse("6f1c2a0e-5b7d-4c1e-9a3f-2d8b7e6c5a41");

    private static readonly InviteDetails Details = new(
        BookingId, 3, "Neglect advanced multi-agency practice",
        new DateTime(2026, 6, 15, 8, 30, 0, DateTimeKind.Utc), new DateTime(2026, 6, 15, 15, 30, 0, DateTimeKind.Utc),
        "Civic Centre, Committee Room 2, Market Street, Northshire NS1 2AB", "Neglect advanced multi-agency practice. https://portal.example/sessions/1",
        "training@partnership.example", "Neglect training", "nia.hughes@health.example", "Nia Hughes");

    [Fact]
    public void A_request_reads_back_as_one_confirmed_event_for_the_booking_in_UTC()
    {
        var text = CalendarInvites.Request(Details);

        var calendar = Calendar.Load(text)!;
        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"booking-{BookingId:N}@trainingportal", e.Uid);
        Assert.Equal(3, e.Sequence);
        Assert.Equal("Neglect advanced multi-agency practice", e.Summary);
        Assert.Equal(Details.Location, e.Location);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.True(e.DtStart!.IsUtc);
        Assert.Equal(Details.StartsAtUtc, e.DtStart.Value);
        Assert.True(e.DtEnd!.IsUtc);
        Assert.Equal(Details.EndsAtUtc, e.DtEnd.Value);
        Assert.Contains("DTSTART:20260615T083000Z", text);
        Assert.Contains("DTEND:20260615T153000Z", text);
        Assert.Equal(new Uri("mailto:training@partnership.example"), e.Organizer!.Value);
        Assert.Equal("Neglect training", e.Organizer.CommonName);
        var attendee = Assert.Single(e.Attendees);
        Assert.Equal(new Uri("mailto:nia.hughes@health.example"), attendee.Value);
        Assert.Equal("Nia Hughes", attendee.CommonName);
        Assert.Equal("ACCEPTED", attendee.ParticipationStatus);
    }

    [Fact]
    public void A_cancellation_names_the_same_event_so_calendars_remove_it()
    {
        var request = Calendar.Load(CalendarInvites.Request(Details))!;
        var cancel = Calendar.Load(CalendarInvites.Cancel(Details with { Sequence = 4 }))!;

        Assert.Equal("CANCEL", cancel.Method);
        var cancelled = Assert.Single(cancel.Events);
        Assert.Equal(Assert.Single(request.Events).Uid, cancelled.Uid);
        Assert.Equal(4, cancelled.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal("DECLINED", Assert.Single(cancelled.Attendees).ParticipationStatus);
    }

    [Fact]
    public void An_invite_names_its_product_once()
    {
        var text = CalendarInvites.Request(Details);

        // RFC 5545: PRODID occurs exactly once in a calendar.
        var productLines = text.Split("\r\n").Where(l => l.StartsWith("PRODID", StringComparison.Ordinal)).ToList();
        Assert.Equal(["PRODID:-//TrainingPortal//Sessions//EN"], productLines);
    }

    [Fact]
    public async Task The_confirmation_and_cancellation_emails_carry_invites_for_the_same_event()
    {
        await using var portal = await SessionsPortal.StartAsync();
        var session = await portal.SessionAsync(await portal.ScheduleAsync());
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");
        var place = await portal.BookedAsync(nurse, session.Id);

        await portal.CancelAsync(nurse.User, place.BookingId!.Value);

        var (requestType, request) = Invite(Assert.Single(await portal.OutboxAsync(nurse.Email, "booking-confirmed")));
        var (cancelType, cancel) = Invite(Assert.Single(await portal.OutboxAsync(nurse.Email, "booking-cancelled")));
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", requestType);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", cancelType);
        Assert.Equal("REQUEST", request.Method);
        Assert.Equal("CANCEL", cancel.Method);
        var booked = Assert.Single(request.Events);
        var cancelled = Assert.Single(cancel.Events);
        Assert.Equal(CalendarInvites.Uid(place.BookingId.Value), booked.Uid);
        Assert.Equal(booked.Uid, cancelled.Uid);
        Assert.True(cancelled.Sequence > booked.Sequence);
        Assert.Equal(session.StartsAtUtc, booked.DtStart!.Value);
        Assert.True(booked.DtStart.IsUtc);
        Assert.Equal(session.EndsAtUtc, booked.DtEnd!.Value);
        Assert.Equal("Adolescent neglect", booked.Summary);
        Assert.Equal("Online: https://meet.northshire-scp.example/neglect", booked.Location);
        Assert.Equal(new Uri($"mailto:{nurse.Email}"), Assert.Single(booked.Attendees).Value);
        Assert.Equal("Nia Hughes", Assert.Single(booked.Attendees).CommonName);
        Assert.Equal(new Uri("mailto:no-reply@trainingportal.invalid"), booked.Organizer!.Value);
    }

    [Fact]
    public async Task The_organiser_is_the_sender_address_when_the_sender_is_configured_with_a_name()
    {
        // Smtp:From is "Neglect training <training@partnership.example>" here; nothing is delivered, so no server is needed.
        await using var portal = await SessionsPortal.StartAsync(new PortalAppOptions { SmtpPort = FreePort.Next() });
        var session = await portal.ScheduleAsync();
        var nurse = await portal.PractitionerAsync("Nia", "Hughes");

        await portal.BookedAsync(nurse, session);

        var (_, invite) = Invite(Assert.Single(await portal.OutboxAsync(nurse.Email, "booking-confirmed")));
        var organizer = Assert.Single(invite.Events).Organizer!;
        Assert.Equal(new Uri("mailto:training@partnership.example"), organizer.Value);
        Assert.Equal("Neglect training", organizer.CommonName);
    }

    [Fact]
    public async Task Someone_promoted_from_the_waitlist_gets_an_invite_and_a_waitlisted_person_none()
    {
        await using var portal = await SessionsPortal.StartAsync();
        var session = await portal.ScheduleAsync(capacity: 1);
        var booked = await portal.PractitionerAsync("Ava", "Smith");
        var waiting = await portal.PractitionerAsync("Ben", "Jones");
        var place = await portal.BookedAsync(booked, session);
        var wait = await portal.BookedAsync(waiting, session);
        Assert.Empty(Assert.Single(await portal.OutboxAsync(waiting.Email, "booking-waitlisted")).Attachments);

        await portal.CancelAsync(booked.User, place.BookingId!.Value);

        var (_, invite) = Invite(Assert.Single(await portal.OutboxAsync(waiting.Email, "booking-promoted")));
        Assert.Equal("REQUEST", invite.Method);
        Assert.Equal(CalendarInvites.Uid(wait.BookingId!.Value), Assert.Single(invite.Events).Uid);
    }

    private static (string ContentType, Calendar Calendar) Invite(OutboxMessage message)
    {
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("invite.ics", attachment.FileName);
        return (attachment.ContentType, Calendar.Load(Encoding.UTF8.GetString(attachment.Content))!);
    }
}

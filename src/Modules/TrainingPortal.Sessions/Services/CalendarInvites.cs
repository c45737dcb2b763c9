using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Sessions.Services;

/// <summary>What a calendar invite says about a booked place.</summary>
public sealed record InviteDetails(
    Guid BookingId, int Sequence, string CourseTitle, DateTime StartsAtUtc, DateTime EndsAtUtc, string Location, string Description,
    string OrganizerEmail, string OrganizerName, string AttendeeEmail, string AttendeeName);

/// <summary>
/// iCalendar invites (RFC 5545, iTIP): METHOD:REQUEST when a place is confirmed or changed, METHOD:CANCEL when it
/// goes. The UID is stable per booking so calendars update the same event; SEQUENCE rises with every change.
/// </summary>
public static class CalendarInvites
{
    public const string ContentType = "text/calendar; method={0}; charset=utf-8";

    public static string Uid(Guid bookingId) => $"booking-{bookingId:N}@trainingportal";

    public static string Request(InviteDetails invite) => Serialize(invite, "REQUEST");

    public static string Cancel(InviteDetails invite) => Serialize(invite, "CANCEL");

    public static EmailAttachment Attachment(InviteDetails invite, bool cancel) =>
        new("invite.ics", string.Format(ContentType, cancel ? "CANCEL" : "REQUEST"), System.Text.Encoding.UTF8.GetBytes(cancel ? Cancel(invite) : Request(invite)));

    private static string Serialize(InviteDetails invite, string method)
    {
        // Setting the product replaces the library's own: a calendar may name only one.
        var calendar = new Calendar { Method = method, ProductId = "-//TrainingPortal//Sessions//EN" };
        var e = new CalendarEvent
        {
            Uid = Uid(invite.BookingId),
            Sequence = invite.Sequence,
            Summary = invite.CourseTitle,
            Description = invite.Description,
            Location = invite.Location,
            DtStart = new CalDateTime(DateTime.SpecifyKind(invite.StartsAtUtc, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(invite.EndsAtUtc, DateTimeKind.Utc)),
            DtStamp = new CalDateTime(DateTime.UtcNow),
            Status = method == "CANCEL" ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{invite.OrganizerEmail}") { CommonName = invite.OrganizerName },
        };
        e.Attendees.Add(new Attendee($"mailto:{invite.AttendeeEmail}")
        {
            CommonName = invite.AttendeeName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = method == "CANCEL" ? "DECLINED" : "ACCEPTED",
        });
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}

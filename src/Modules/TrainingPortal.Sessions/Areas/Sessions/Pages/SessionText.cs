using System.Globalization;
using TrainingPortal.Core;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages;

/// <summary>How sessions, their times and bookings read on every page of the sessions module.</summary>
public static class SessionText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"Tuesday 3 March 2026", in UK time.</summary>
    public static string Day(DateTime utc) => UkTime.FromUtc(utc).ToString("dddd d MMMM yyyy", Invariant);

    /// <summary>"Tue 3 Mar 2026", for table cells.</summary>
    public static string ShortDay(DateTime utc) => UkTime.FromUtc(utc).ToString("ddd d MMM yyyy", Invariant);

    /// <summary>"9:30am", in UK time.</summary>
    public static string Time(DateTime utc) => UkTime.FormatTime(utc);

    /// <summary>"3 Mar 2026, 9:30am": short enough for a table cell.</summary>
    public static string Short(DateTime utc) => $"{UkTime.FromUtc(utc).ToString("d MMM yyyy", Invariant)}, {Time(utc)}";

    /// <summary>"9:30am to 4:30pm".</summary>
    public static string Times(SessionSummary session) => $"{Time(session.StartsAtUtc)} to {Time(session.EndsAtUtc)}";

    /// <summary>"Tuesday 3 March 2026, 9:30am to 4:30pm"; a session over several days names the last day too.</summary>
    public static string When(DateTime startsAtUtc, DateTime endsAtUtc) =>
        UkTime.FromUtc(startsAtUtc).Date == UkTime.FromUtc(endsAtUtc).Date
            ? $"{Day(startsAtUtc)}, {Time(startsAtUtc)} to {Time(endsAtUtc)}"
            : $"{Day(startsAtUtc)}, {Time(startsAtUtc)} to {Day(endsAtUtc)}, {Time(endsAtUtc)}";

    public static string When(SessionSummary session) => When(session.StartsAtUtc, session.EndsAtUtc);

    /// <summary>The session's state as a tag: cancelled, register closed, waiting for its register, running, full or open.</summary>
    public static (string Text, string CssClass) Status(SessionSummary session, DateTime utcNow) => session.Status switch
    {
        SessionStatus.Cancelled => ("Cancelled", "govuk-tag--red"),
        SessionStatus.Completed => ("Register closed", "govuk-tag--green"),
        _ when session.EndsAtUtc <= utcNow => ("Register not closed", "govuk-tag--orange"),
        _ when session.StartsAtUtc <= utcNow => ("Running now", "govuk-tag--turquoise"),
        _ when session.BookedCount >= session.Capacity => ("Full", "govuk-tag--purple"),
        // GOV.UK's default tag colour (blue).
        _ => ("Scheduled", ""),
    };

    /// <summary>A booking's status in words: "On the waiting list (number 3)", where the number is the person's place in the queue now.</summary>
    public static string Booking(BookingStatus status, int? waitingNumber = null) => status switch
    {
        BookingStatus.Requested => "Waiting for approval",
        BookingStatus.Booked => "Booked",
        BookingStatus.Waitlisted => waitingNumber is { } number ? $"On the waiting list (number {number})" : "On the waiting list",
        BookingStatus.Declined => "Declined",
        BookingStatus.Cancelled => "Cancelled",
        _ => RegisterExport.Describe(status),
    };

    public static string TagClass(BookingStatus status) => status switch
    {
        BookingStatus.Booked or BookingStatus.Attended => "govuk-tag govuk-tag--green",
        // GOV.UK's default tag colour (blue) for people still waiting for a place.
        BookingStatus.Waitlisted => "govuk-tag",
        BookingStatus.Requested => "govuk-tag govuk-tag--yellow",
        BookingStatus.PartiallyAttended => "govuk-tag govuk-tag--teal",
        BookingStatus.LateCancelled => "govuk-tag govuk-tag--orange",
        BookingStatus.Declined or BookingStatus.DidNotAttend => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>Requested, booked or waiting: the person can still cancel (until the session starts).</summary>
    public static bool IsCancellable(BookingStatus status) =>
        status is BookingStatus.Requested or BookingStatus.Booked or BookingStatus.Waitlisted;

    public static string Places(int count) => count == 1 ? "1 place" : $"{count} places";

    public static string People(int count) => count == 1 ? "1 person" : $"{count} people";
}

using System.Globalization;
using TrainingPortal.Core;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages;

/// <summary>How sessions read on the training unit's and trainers' pages.</summary>
public static class SessionText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"Tuesday 3 March 2026".</summary>
    public static string Day(DateTime utc) => UkTime.FromUtc(utc).ToString("dddd d MMMM yyyy", Invariant);

    /// <summary>"Tue 3 Mar 2026", for table cells.</summary>
    public static string ShortDay(DateTime utc) => UkTime.FromUtc(utc).ToString("ddd d MMM yyyy", Invariant);

    /// <summary>"9:30am".</summary>
    public static string Time(DateTime utc) => UkTime.FromUtc(utc).ToString("h:mmtt", Invariant).ToLowerInvariant();

    /// <summary>"9:30am to 4:30pm".</summary>
    public static string Times(SessionSummary session) => $"{Time(session.StartsAtUtc)} to {Time(session.EndsAtUtc)}";

    /// <summary>"Tuesday 3 March 2026, 9:30am to 4:30pm".</summary>
    public static string When(SessionSummary session) => $"{Day(session.StartsAtUtc)}, {Times(session)}";

    /// <summary>The session's state as a tag: cancelled, register closed, waiting for its register, running, full or open.</summary>
    public static (string Text, string CssClass) Status(SessionSummary session, DateTime utcNow) => session.Status switch
    {
        SessionStatus.Cancelled => ("Cancelled", "govuk-tag--red"),
        SessionStatus.Completed => ("Register closed", "govuk-tag--green"),
        _ when session.EndsAtUtc <= utcNow => ("Register not closed", "govuk-tag--orange"),
        _ when session.StartsAtUtc <= utcNow => ("Running now", "govuk-tag--turquoise"),
        _ when session.BookedCount >= session.Capacity => ("Full", "govuk-tag--purple"),
        _ => ("Scheduled", "govuk-tag--blue"),
    };

    /// <summary>What a booking's status means on the training unit's lists.</summary>
    public static string Booking(BookingStatus status) => status switch
    {
        BookingStatus.Booked => "Booked",
        BookingStatus.Requested => "Waiting for approval",
        BookingStatus.Waitlisted => "Waiting list",
        BookingStatus.Declined => "Declined",
        BookingStatus.Cancelled => "Cancelled",
        _ => RegisterExport.Describe(status),
    };

    public static string Places(int count) => count == 1 ? "1 place" : $"{count} places";

    public static string People(int count) => count == 1 ? "1 person" : $"{count} people";
}

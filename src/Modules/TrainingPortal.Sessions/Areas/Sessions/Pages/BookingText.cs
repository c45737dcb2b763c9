using System.Globalization;
using TrainingPortal.Core;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages;

/// <summary>How bookings and session times read on practitioners' and leads' pages.</summary>
public static class BookingText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"On the waiting list (number 3)": the number is the person's place in the queue now.</summary>
    public static string Status(BookingStatus status, int? waitingNumber = null) => status switch
    {
        BookingStatus.Requested => "Waiting for approval",
        BookingStatus.Booked => "Booked",
        BookingStatus.Waitlisted => waitingNumber is { } number ? $"On the waiting list (number {number})" : "On the waiting list",
        BookingStatus.Declined => "Declined",
        BookingStatus.Cancelled => "Cancelled",
        BookingStatus.LateCancelled => "Cancelled late",
        BookingStatus.Attended => "Attended",
        BookingStatus.PartiallyAttended => "Partly attended",
        BookingStatus.DidNotAttend => "Did not attend",
        BookingStatus.SessionCancelled => "Session cancelled",
        _ => status.ToString(),
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

    /// <summary>"Tuesday 3 March 2026", in UK time.</summary>
    public static string Day(DateTime utc) => UkTime.FromUtc(utc).ToString("dddd d MMMM yyyy", Culture);

    /// <summary>"9:30am", in UK time.</summary>
    public static string Time(DateTime utc) => UkTime.FromUtc(utc).ToString("h:mmtt", Culture).ToLowerInvariant();

    /// <summary>"Tuesday 3 March 2026, 9:30am to 4:30pm"; a session over several days names the last day too.</summary>
    public static string When(DateTime startsAtUtc, DateTime endsAtUtc) =>
        UkTime.FromUtc(startsAtUtc).Date == UkTime.FromUtc(endsAtUtc).Date
            ? $"{Day(startsAtUtc)}, {Time(startsAtUtc)} to {Time(endsAtUtc)}"
            : $"{Day(startsAtUtc)}, {Time(startsAtUtc)} to {Day(endsAtUtc)}, {Time(endsAtUtc)}";

    /// <summary>"3 Mar 2026, 9:30am": short enough for a table cell.</summary>
    public static string Short(DateTime utc) => $"{UkTime.FromUtc(utc).ToString("d MMM yyyy", Culture)}, {Time(utc)}";
}

namespace TrainingPortal.Sessions.Domain;

/// <summary>A practitioner's place (or wait for one) on a session.</summary>
public class Booking
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid PractitionerId { get; set; }

    /// <summary>The agency the person booked through: its lead approves, and did-not-attend is counted and charged to it.</summary>
    public Guid AgencyId { get; set; }

    public BookingStatus Status { get; set; }

    /// <summary>Order on the waitlist (lower goes first); kept after promotion for the record.</summary>
    public int? WaitlistPosition { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DeclineReason { get; set; }

    public DateTime? CancelledAt { get; set; }

    public Guid? CancelledByUserId { get; set; }

    public DateTime? CheckedInAt { get; set; }

    /// <summary>What the agency is charged for a did-not-attend or late cancellation, in pence (0 when free).</summary>
    public int ChargePence { get; set; }

    /// <summary>The calendar invite's SEQUENCE: bumped every time the invite is sent again.</summary>
    public int CalendarSequence { get; set; }

    public DateTime? ReminderSentAt { get; set; }

    public Guid? TrainingRecordId { get; set; }

    public bool HoldsPlace => BookingRules.HoldsPlace(Status);

    public bool IsActive => BookingRules.IsActive(Status);
}

public enum BookingStatus
{
    /// <summary>Waiting for the safeguarding lead's approval; holds no place yet.</summary>
    Requested,
    Booked,
    Waitlisted,
    /// <summary>The lead declined the request.</summary>
    Declined,
    Cancelled,
    /// <summary>Cancelled inside the late-cancellation window: counted, and may be charged.</summary>
    LateCancelled,
    Attended,
    /// <summary>Came for part of the session: no training record.</summary>
    PartiallyAttended,
    DidNotAttend,
    /// <summary>The session itself was cancelled.</summary>
    SessionCancelled,
}

/// <summary>What the trainer marks on the register.</summary>
public enum AttendanceMark
{
    Attended,
    Partial,
    DidNotAttend,
}

/// <summary>The booking state machine: which statuses hold a place, and which moves are allowed.</summary>
public static class BookingRules
{
    private static readonly Dictionary<BookingStatus, BookingStatus[]> Moves = new()
    {
        [BookingStatus.Requested] = [BookingStatus.Booked, BookingStatus.Waitlisted, BookingStatus.Declined, BookingStatus.Cancelled, BookingStatus.SessionCancelled],
        [BookingStatus.Booked] = [BookingStatus.Cancelled, BookingStatus.LateCancelled, BookingStatus.Attended, BookingStatus.PartiallyAttended, BookingStatus.DidNotAttend, BookingStatus.SessionCancelled],
        [BookingStatus.Waitlisted] = [BookingStatus.Booked, BookingStatus.Cancelled, BookingStatus.SessionCancelled],
        // The register can be corrected until it is closed.
        [BookingStatus.Attended] = [BookingStatus.PartiallyAttended, BookingStatus.DidNotAttend],
        [BookingStatus.PartiallyAttended] = [BookingStatus.Attended, BookingStatus.DidNotAttend],
        [BookingStatus.DidNotAttend] = [BookingStatus.Attended, BookingStatus.PartiallyAttended],
    };

    public static bool CanMove(BookingStatus from, BookingStatus to) => Moves.TryGetValue(from, out var allowed) && allowed.Contains(to);

    /// <summary>Statuses that take one of the session's places.</summary>
    public static bool HoldsPlace(BookingStatus status) =>
        status is BookingStatus.Booked or BookingStatus.Attended or BookingStatus.PartiallyAttended or BookingStatus.DidNotAttend;

    /// <summary>Statuses in which the person is still on the session (so cannot book it again).</summary>
    public static bool IsActive(BookingStatus status) =>
        status is BookingStatus.Requested or BookingStatus.Waitlisted || HoldsPlace(status);

    /// <summary>The statuses of <see cref="IsActive"/>, for queries.</summary>
    public static readonly BookingStatus[] ActiveStatuses =
        [BookingStatus.Requested, BookingStatus.Booked, BookingStatus.Waitlisted, BookingStatus.Attended, BookingStatus.PartiallyAttended, BookingStatus.DidNotAttend];

    /// <summary>A cancellation this close to the start is late.</summary>
    public static bool IsLate(DateTime cancelledAtUtc, DateTime startsAtUtc, TimeSpan window) => startsAtUtc - cancelledAtUtc < window;

    public static BookingStatus StatusFor(AttendanceMark mark) => mark switch
    {
        AttendanceMark.Attended => BookingStatus.Attended,
        AttendanceMark.Partial => BookingStatus.PartiallyAttended,
        _ => BookingStatus.DidNotAttend,
    };
}

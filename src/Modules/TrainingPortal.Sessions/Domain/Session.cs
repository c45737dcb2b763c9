namespace TrainingPortal.Sessions.Domain;

/// <summary>One scheduled run of a face-to-face or virtual course.</summary>
public class Session
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    /// <summary>Where a face-to-face session is held; null for a virtual classroom.</summary>
    public string? VenueName { get; set; }

    public string? VenueAddress { get; set; }

    /// <summary>Step-free access, hearing loop, parking: what someone needs to know before they come.</summary>
    public string? AccessibilityNotes { get; set; }

    /// <summary>The meeting link of a virtual classroom.</summary>
    public string? JoiningLink { get; set; }

    public int Capacity { get; set; }

    /// <summary>The last day on which places can be booked.</summary>
    public DateOnly BookingClosesOn { get; set; }

    public string? Notes { get; set; }

    public SessionStatus Status { get; set; }

    public string? CancellationReason { get; set; }

    /// <summary>
    /// Places held (Booked, and after the register Attended, Partial or DidNotAttend). Changed only by conditional
    /// updates in <see cref="Services.BookingService"/>, so it never passes <see cref="Capacity"/>.
    /// </summary>
    public int BookedCount { get; set; }

    /// <summary>People waiting for a place now.</summary>
    public int WaitlistCount { get; set; }

    /// <summary>Waitlist positions handed out so far: the next person waits at this number plus one.</summary>
    public int WaitlistIssued { get; set; }

    /// <summary>The short code attendees type to check themselves in while the session runs.</summary>
    public required string CheckInCode { get; set; }

    public DateTime? RegisterClosedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<SessionTrainer> Trainers { get; set; } = [];

    public bool IsVirtual => JoiningLink is not null;

    /// <summary>How long before the start the register (and self check-in) opens.</summary>
    public static readonly TimeSpan RegisterOpensBefore = TimeSpan.FromMinutes(30);

    /// <summary>When the register of a session starting at <paramref name="startsAtUtc"/> opens.</summary>
    public static DateTime RegisterOpensAt(DateTime startsAtUtc) => startsAtUtc - RegisterOpensBefore;

    /// <summary>True while attendees may check themselves in: from the register opening until the end.</summary>
    public static bool IsCheckInOpen(SessionStatus status, DateTime? registerClosedAt, DateTime startsAtUtc, DateTime endsAtUtc, DateTime utcNow) =>
        status == SessionStatus.Scheduled && registerClosedAt is null && utcNow >= RegisterOpensAt(startsAtUtc) && utcNow <= endsAtUtc;

    public bool IsCheckInOpenAt(DateTime utcNow) => IsCheckInOpen(Status, RegisterClosedAt, StartsAtUtc, EndsAtUtc, utcNow);
}

public enum SessionStatus
{
    Scheduled,
    Cancelled,
    /// <summary>The register is closed.</summary>
    Completed,
}

/// <summary>A trainer (a user account) delivering a session.</summary>
public class SessionTrainer
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }
}

/// <summary>What a did-not-attend or late cancellation on a course costs the person's agency, in pence.</summary>
public class CourseCharge
{
    public Guid CourseId { get; set; }

    public int PencePerPlace { get; set; }
}

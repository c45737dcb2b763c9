namespace TrainingPortal.Notifications.Domain;

public enum OutboxMessageStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An email waiting to be delivered. Written in the same transaction as the change that caused it;
/// delivered by <c>OutboxDeliveryJob</c> with retries and back-off.
/// </summary>
public class OutboxMessage
{
    public const int MaxAttempts = 8;

    public Guid Id { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>What kind of message this is ("PasswordReset", "BookingConfirmed"), for logs and filtering.</summary>
    public required string Category { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public required string HtmlBody { get; set; }

    public required string TextBody { get; set; }

    public OutboxMessageStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Set while one delivery run is sending this message, so another instance leaves it alone.</summary>
    public DateTime? LockedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    public List<OutboxAttachment> Attachments { get; set; } = [];

    /// <summary>Waits 1, 2, 4, 8 … minutes after each failure, at most six hours.</summary>
    public static TimeSpan BackOffAfter(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>A file sent with a message (a calendar invite, a report workbook).</summary>
public class OutboxAttachment
{
    public long Id { get; set; }

    public Guid OutboxMessageId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

namespace TrainingPortal.Compliance.Domain;

/// <summary>
/// A reminder the platform sent by itself about one requirement of one person: that it was due soon, or had expired,
/// for the record expiring on <see cref="ExpiresOn"/>. One row per window and status, guarded by a unique index, so a
/// retry, a second instance or a catch-up run never sends it twice; renewing gives a new expiry and so a new window.
/// Reminders a lead sends by hand are in the audit trail, not here.
/// </summary>
public class ComplianceReminder
{
    public long Id { get; set; }

    public Guid PractitionerId { get; set; }

    public Guid RequirementId { get; set; }

    /// <summary><see cref="ComplianceStatus.DueSoon"/> or <see cref="ComplianceStatus.Expired"/>.</summary>
    public ComplianceStatus Status { get; set; }

    /// <summary>The expiry of the person's latest record for the requirement when they were reminded: the window.</summary>
    public DateOnly ExpiresOn { get; set; }

    public DateTime SentAt { get; set; }
}

/// <summary>A weekly summary sent to one safeguarding lead for the week starting on <see cref="WeekStarting"/> (a Monday).</summary>
public class ComplianceDigest
{
    public Guid LeadUserId { get; set; }

    public DateOnly WeekStarting { get; set; }

    public DateTime SentAt { get; set; }
}

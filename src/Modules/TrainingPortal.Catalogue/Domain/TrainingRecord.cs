namespace TrainingPortal.Catalogue.Domain;

public enum TrainingSource
{
    ELearning,
    Session,
    Briefing,
    External,
}

public enum RecordStatus
{
    /// <summary>Training done elsewhere, waiting for a coordinator to accept the evidence.</summary>
    AwaitingApproval,
    Approved,
    Rejected,
}

/// <summary>Evidence that a practitioner completed a course, on the course version they took.</summary>
public class TrainingRecord
{
    public Guid Id { get; set; }

    public Guid PractitionerId { get; set; }

    public Guid CourseId { get; set; }

    public Guid CourseVersionId { get; set; }

    public DateOnly CompletedOn { get; set; }

    public TrainingSource Source { get; set; }

    public int? ScorePercent { get; set; }

    /// <summary>Completion plus the version's validity; null when it does not expire.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>Unique and unguessable; printed on the certificate and used to verify it.</summary>
    public required string CertificateNumber { get; set; }

    public RecordStatus Status { get; set; } = RecordStatus.Approved;

    /// <summary>For external training: who provided it and why it is being recorded.</summary>
    public string? Provider { get; set; }

    public string? Reason { get; set; }

    public string? DecisionNote { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public TrainingEvidence? Evidence { get; set; }

    public bool IsValidOn(DateOnly day) => Status == RecordStatus.Approved && (ExpiresOn is null || ExpiresOn > day);
}

/// <summary>A certificate or attendance letter uploaded for external training.</summary>
public class TrainingEvidence
{
    public Guid TrainingRecordId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

public enum EnrolmentStatus
{
    InProgress,
    Completed,
    /// <summary>Used every attempt at the knowledge check without passing.</summary>
    OutOfAttempts,
}

/// <summary>A practitioner working through an e-learning course: where they stopped, and their attempts.</summary>
public class Enrolment
{
    public Guid Id { get; set; }

    public Guid PractitionerId { get; set; }

    public Guid CourseVersionId { get; set; }

    public EnrolmentStatus Status { get; set; }

    /// <summary>The highest lesson number reached; resume goes back here.</summary>
    public int LessonsCompleted { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    public List<KnowledgeCheckAttempt> Attempts { get; set; } = [];
}

/// <summary>One go at the knowledge check, with the order the questions and options were shown in.</summary>
public class KnowledgeCheckAttempt
{
    public Guid Id { get; set; }

    public Guid EnrolmentId { get; set; }

    public int Number { get; set; }

    /// <summary>Question ids in the order shown, each with its option ids in the order shown (JSON).</summary>
    public required string Layout { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public int? ScorePercent { get; set; }

    public bool Passed { get; set; }
}

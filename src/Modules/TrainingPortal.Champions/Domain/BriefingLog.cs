namespace TrainingPortal.Champions.Domain;

/// <summary>
/// A team briefing on a guide: who delivered it, to whom, when, what was discussed and the team's actions.
/// Attendees with a learning record get a briefing training record for it.
/// </summary>
public class BriefingLog
{
    public Guid Id { get; set; }

    public Guid GuideId { get; set; }

    /// <summary>The guide version that was delivered.</summary>
    public Guid GuideVersionId { get; set; }

    /// <summary>The agency whose team was briefed; its lead sees the log and its actions.</summary>
    public Guid AgencyId { get; set; }

    public required string Team { get; set; }

    public DateOnly DeliveredOn { get; set; }

    public required string DeliveredBy { get; set; }

    public string? DiscussionNotes { get; set; }

    public Guid RecordedByUserId { get; set; }

    public DateTime RecordedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public List<BriefingAttendee> Attendees { get; set; } = [];

    public List<BriefingAction> Actions { get; set; } = [];
}

/// <summary>Someone who was briefed: a practitioner with a learning record, or a name typed in.</summary>
public class BriefingAttendee
{
    public Guid Id { get; set; }

    public Guid BriefingLogId { get; set; }

    public Guid? PractitionerId { get; set; }

    /// <summary>The person's name: from their record, or as typed for someone without one.</summary>
    public required string Name { get; set; }

    /// <summary>The briefing training record made for them (practitioners only).</summary>
    public Guid? TrainingRecordId { get; set; }
}

/// <summary>Something the team agreed to do after the briefing.</summary>
public class BriefingAction
{
    public Guid Id { get; set; }

    public Guid BriefingLogId { get; set; }

    public required string Description { get; set; }

    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly? DoneOn { get; set; }
}

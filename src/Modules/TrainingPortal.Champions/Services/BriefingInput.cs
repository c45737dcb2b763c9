using System.ComponentModel.DataAnnotations;

namespace TrainingPortal.Champions.Services;

/// <summary>What someone enters when they record a team briefing.</summary>
public sealed class BriefingInput
{
    public Guid? AgencyId { get; set; }

    /// <summary>The guide's number in the library.</summary>
    public int? GuideNumber { get; set; }

    [Display(Name = "The date of the briefing")]
    public DateOnly? DeliveredOn { get; set; }

    public string? Team { get; set; }

    public string? DeliveredBy { get; set; }

    /// <summary>Attendees with a record on the agency's staff list.</summary>
    public List<Guid> AttendeeIds { get; set; } = [];

    /// <summary>Attendees without a record, one name per line.</summary>
    public string? OtherAttendees { get; set; }

    public string? DiscussionNotes { get; set; }

    public List<BriefingActionInput> Actions { get; set; } = [];
}

/// <summary>One of the team's actions; a row left wholly blank is ignored.</summary>
public sealed class BriefingActionInput
{
    /// <summary>An existing action being corrected; empty for a new one.</summary>
    public Guid? Id { get; set; }

    public string? Description { get; set; }

    public string? Owner { get; set; }

    [Display(Name = "The date the action is due")]
    public DateOnly? DueOn { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Owner) && DueOn is null;
}

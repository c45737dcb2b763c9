namespace TrainingPortal.Champions.Services;

/// <summary>What a safeguarding lead enters to nominate a member of staff.</summary>
public sealed class NominationInput
{
    public Guid? PractitionerId { get; set; }

    public string? AreaOfInterest { get; set; }

    public DateOnly? StartDate { get; set; }
}

/// <summary>The training unit's answer to a nomination.</summary>
public sealed class DecisionInput
{
    public const string Approve = "Approve";

    public const string Decline = "Decline";

    /// <summary><see cref="Approve"/> or <see cref="Decline"/>.</summary>
    public string? Decision { get; set; }

    /// <summary>Needed to decline.</summary>
    public string? Reason { get; set; }
}

/// <summary>Why a champion's spell is ending.</summary>
public sealed class StepDownInput
{
    public string? Reason { get; set; }
}

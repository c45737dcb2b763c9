namespace TrainingPortal.Agencies.Domain;

/// <summary>
/// A person in the workforce: one learning record, however many agencies they work for.
/// May exist before they have an account (imported staff record).
/// </summary>
public class Practitioner
{
    public Guid Id { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    /// <summary>Unique when present; how imports and self-registration find an existing person.</summary>
    public string? Email { get; set; }

    /// <summary>The sign-in account, once the person has one.</summary>
    public Guid? UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<AgencyMembership> Memberships { get; set; } = [];

    public string FullName => $"{FirstName} {LastName}";
}

public enum MembershipStatus
{
    /// <summary>Self-registered; waiting for the agency's safeguarding lead to confirm they work there.</summary>
    AwaitingConfirmation,
    Confirmed,
    /// <summary>The lead said this person does not work for the agency.</summary>
    Declined,
}

/// <summary>One person's employment with one agency. Each agency sees the person only through its own membership.</summary>
public class AgencyMembership
{
    public Guid Id { get; set; }

    public Guid PractitionerId { get; set; }

    public Practitioner? Practitioner { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public string? EmployeeReference { get; set; }

    public Guid? TeamId { get; set; }

    public Team? Team { get; set; }

    public string? JobTitle { get; set; }

    public int? WorkforceGroupId { get; set; }

    public WorkforceGroup? WorkforceGroup { get; set; }

    public bool IsFrontline { get; set; }

    public string? ManagerName { get; set; }

    public string? ManagerEmail { get; set; }

    public DateOnly? StartDate { get; set; }

    /// <summary>Set when the person leaves; leavers stay for reporting but drop out of current compliance.</summary>
    public DateOnly? LeavingDate { get; set; }

    public MembershipStatus Status { get; set; } = MembershipStatus.Confirmed;

    public DateTime CreatedAt { get; set; }
}

namespace TrainingPortal.Agencies.Domain;

/// <summary>
/// What someone asked for when they registered (the agency they say they work for, their job title), kept until they
/// prove their email address. Until then their account holds no learning record and no membership.
/// </summary>
public class PendingRegistration
{
    /// <summary>The account that registered (Identity module).</summary>
    public Guid UserId { get; set; }

    public Guid AgencyId { get; set; }

    public required string JobTitle { get; set; }

    public DateTime CreatedAt { get; set; }
}

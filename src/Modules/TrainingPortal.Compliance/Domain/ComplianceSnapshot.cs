namespace TrainingPortal.Compliance.Domain;

/// <summary>
/// One agency's counts against one requirement at the end of a month, kept so the partnership can see its trend after
/// people have moved on. Taken by <see cref="Jobs.ComplianceSnapshotJob"/>; months before the platform kept them are
/// worked out from the training records as they stood then.
/// </summary>
public class ComplianceSnapshot
{
    /// <summary>The last day of the month the counts are for.</summary>
    public DateOnly AsAt { get; set; }

    public Guid AgencyId { get; set; }

    public Guid RequirementId { get; set; }

    public int Met { get; set; }

    public int DueSoon { get; set; }

    public int Expired { get; set; }

    public int Missing { get; set; }

    public DateTime TakenAt { get; set; }

    public int Total => Met + DueSoon + Expired + Missing;
}

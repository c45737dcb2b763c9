namespace TrainingPortal.Tna.Domain;

/// <summary>
/// One year's training needs analysis: April to March, as the partnership plans its courses. Agencies submit their
/// figures until the deadline (inclusive); after it, an agency that has not submitted counts with its computed figures.
/// </summary>
public class TrainingNeedsAnalysis
{
    public Guid Id { get; set; }

    /// <summary>The calendar year the TNA year starts in: 2027 for April 2027 to March 2028.</summary>
    public int StartYear { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>The last day on which agencies may submit.</summary>
    public DateOnly Deadline { get; set; }

    public DateTime OpenedAt { get; set; }

    public Guid? OpenedByUserId { get; set; }

    public string Name => YearName(StartYear);

    public bool IsOpenOn(DateOnly day) => day <= Deadline;

    public static string YearName(int startYear) => $"April {startYear} to March {startYear + 1}";

    public static DateOnly StartOf(int startYear) => new(startYear, 4, 1);

    public static DateOnly EndOf(int startYear) => new(startYear + 1, 3, 31);
}

public enum TnaSubmissionStatus
{
    /// <summary>Saved by the lead but not submitted (or reopened by the training unit): computed figures still count.</summary>
    Draft,
    Submitted,
}

/// <summary>One agency's figures for one TNA: what its lead saved or submitted.</summary>
public class TnaSubmission
{
    public Guid Id { get; set; }

    public Guid AnalysisId { get; set; }

    public Guid AgencyId { get; set; }

    public TnaSubmissionStatus Status { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid? UpdatedByUserId { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public Guid? SubmittedByUserId { get; set; }

    public DateTime? ReopenedAt { get; set; }

    public string? ReopenReason { get; set; }

    public List<TnaFigure> Figures { get; set; } = [];

    public List<TnaPlannedStarters> Starters { get; set; } = [];
}

/// <summary>
/// How many people of one workforce group need one requirement's training in the year: the figure computed from the
/// staff list when it was saved, and the lead's own figure with the reason when they changed it.
/// </summary>
public class TnaFigure
{
    public Guid SubmissionId { get; set; }

    public int WorkforceGroupId { get; set; }

    public Guid RequirementId { get; set; }

    public int Computed { get; set; }

    public int? Adjusted { get; set; }

    public string? Reason { get; set; }

    public int Needed => Adjusted ?? Computed;
}

/// <summary>People the agency expects to start in a workforce group during the year: each needs every requirement of the group.</summary>
public class TnaPlannedStarters
{
    public Guid SubmissionId { get; set; }

    public int WorkforceGroupId { get; set; }

    public int Count { get; set; }
}

using TrainingPortal.Catalogue.Domain;

namespace TrainingPortal.Evaluation.Domain;

/// <summary>
/// One completion (a register closed, e-learning passed, a briefing logged) that its practitioner is asked to evaluate.
/// There is at most one per training record, whichever job run or app instance creates it.
/// </summary>
public class EvaluationRequest
{
    public Guid Id { get; set; }

    public Guid TrainingRecordId { get; set; }

    public Guid PractitionerId { get; set; }

    public Guid CourseId { get; set; }

    /// <summary>The version the practitioner took: its learning outcomes are the ones asked about.</summary>
    public Guid CourseVersionId { get; set; }

    public DateOnly CompletedOn { get; set; }

    public TrainingSource Source { get; set; }

    public DateTime RequestedAt { get; set; }

    /// <summary>When the invitation email went into the outbox; null when the person has no email address.</summary>
    public DateTime? EmailedAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public EvaluationResponse? Response { get; set; }

    public FollowUp? FollowUp { get; set; }
}

/// <summary>The practitioner's answers straight after the training.</summary>
public class EvaluationResponse
{
    /// <summary>Also the key: a second response to the same request cannot be stored.</summary>
    public Guid RequestId { get; set; }

    /// <summary>1 (poor) to 5 (excellent).</summary>
    public int OverallRating { get; set; }

    /// <summary>What they will do differently, up to <see cref="EvaluationLimits.FreeTextLength"/> characters.</summary>
    public string? DoingDifferently { get; set; }

    public DateTime SubmittedAt { get; set; }

    public List<OutcomeConfidence> Outcomes { get; set; } = [];
}

/// <summary>Confidence before and after the training against one learning outcome of the version taken, each 1 to 5.</summary>
public class OutcomeConfidence
{
    public Guid RequestId { get; set; }

    /// <summary>The outcome's place in the version's list, from 1.</summary>
    public int OutcomeNumber { get; set; }

    /// <summary>The outcome's wording when answered, so results read the same after the course changes.</summary>
    public required string Outcome { get; set; }

    public int Before { get; set; }

    public int After { get; set; }
}

public static class EvaluationLimits
{
    public const int FreeTextLength = 2000;

    public const int LowestRating = 1;

    public const int HighestRating = 5;

    /// <summary>Results for fewer responses than this are not shown to safeguarding leads, so nobody can tell who said what.</summary>
    public const int SmallestGroupShownToLeads = 5;
}

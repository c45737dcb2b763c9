namespace TrainingPortal.Evaluation.Domain;

public enum FollowUpStatus
{
    /// <summary>Asked by email and waiting for an answer.</summary>
    Sent,
    Answered,
    /// <summary>Not asked: the person had left every agency by the time it was due.</summary>
    Skipped,
}

/// <summary>Whether the training changed how the person works, asked months afterwards.</summary>
public enum PracticeChange
{
    Changed,
    NotChanged,
}

/// <summary>How often the person has used what they learned since the training.</summary>
public enum UseFrequency
{
    NotAtAll,
    OnceOrTwice,
    Monthly,
    Weekly,
}

/// <summary>The impact survey some months after a completion (one per <see cref="EvaluationRequest"/>; one reminder at most).</summary>
public class FollowUp
{
    /// <summary>Also the key: a request is followed up once, whichever job run or instance gets there first.</summary>
    public Guid RequestId { get; set; }

    public DateOnly DueOn { get; set; }

    public FollowUpStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReminderSentAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public PracticeChange? PracticeChange { get; set; }

    /// <summary>An example of the change, up to <see cref="EvaluationLimits.FreeTextLength"/> characters.</summary>
    public string? Example { get; set; }

    public UseFrequency? UseFrequency { get; set; }
}

public static class FollowUpText
{
    public static string Describe(this PracticeChange change) => change switch
    {
        PracticeChange.Changed => "Yes, my practice has changed",
        _ => "No, not yet",
    };

    public static string Describe(this UseFrequency frequency) => frequency switch
    {
        UseFrequency.NotAtAll => "Not at all",
        UseFrequency.OnceOrTwice => "Once or twice",
        UseFrequency.Monthly => "About once a month",
        _ => "Every week or more",
    };
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Domain;

namespace TrainingPortal.Evaluation.Services;

/// <summary>Where a person stands with one evaluation or follow-up link.</summary>
public enum FormState
{
    /// <summary>Waiting for their answers.</summary>
    Open,
    /// <summary>Answered already: nothing more is stored.</summary>
    Answered,
    /// <summary>No such completion, or not one that is evaluated (or, for a follow-up, not asked yet).</summary>
    NotFound,
    /// <summary>Someone else's training.</summary>
    NotYours,
    /// <summary>The person is no longer on any agency's staff.</summary>
    Left,
}

/// <summary>The questions straight after a completion: the course as taken and its learning outcomes.</summary>
public sealed record EvaluationQuestions(FormState State, Guid TrainingRecordId, string CourseTitle, int VersionNumber, DateOnly CompletedOn, IReadOnlyList<string> Outcomes)
{
    public static EvaluationQuestions Closed(FormState state) => new(state, Guid.Empty, "", 0, default, []);
}

/// <summary>The follow-up's context: which training it asks about.</summary>
public sealed record FollowUpQuestions(FormState State, Guid TrainingRecordId, string CourseTitle, DateOnly CompletedOn)
{
    public static FollowUpQuestions Closed(FormState state) => new(state, Guid.Empty, "", default);
}

/// <summary>Confidence against one learning outcome, before and after, as posted (1 to 5).</summary>
public sealed class OutcomeAnswer
{
    public int? Before { get; set; }

    public int? After { get; set; }
}

public sealed class EvaluationAnswers
{
    public int? OverallRating { get; set; }

    public List<OutcomeAnswer> Outcomes { get; set; } = [];

    public string? DoingDifferently { get; set; }
}

public sealed class FollowUpAnswers
{
    public PracticeChange? PracticeChange { get; set; }

    public string? Example { get; set; }

    public UseFrequency? UseFrequency { get; set; }
}

/// <summary>
/// The practitioner's side of evaluation: reading the questions for one of their completions and storing their answers
/// once. Only the person whose training it was may answer, and only while they are on an agency's staff.
/// </summary>
public sealed class EvaluationForms(PortalDbContext db, EvaluationInvitations invitations, TimeProvider clock)
{
    /// <summary>The questions for <paramref name="trainingRecordId"/> as <paramref name="practitionerId"/> sees them.</summary>
    public async Task<EvaluationQuestions> QuestionsAsync(Guid trainingRecordId, Guid? practitionerId, CancellationToken cancellationToken = default)
    {
        var (state, request) = await AccessAsync(trainingRecordId, practitionerId, cancellationToken);
        if (request is null)
        {
            return EvaluationQuestions.Closed(state);
        }
        var version = await db.AllCourseVersions().Where(v => v.Id == request.CourseVersionId).Select(v => new { v.Title, v.Number, v.LearningOutcomes }).FirstAsync(cancellationToken);
        var outcomes = version.LearningOutcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var answered = request.AnsweredAt is not null ? FormState.Answered : state;
        return new EvaluationQuestions(answered, trainingRecordId, version.Title, version.Number, request.CompletedOn, outcomes);
    }

    /// <summary>Stores the answers once; field errors for a missing or out-of-range answer, "already answered" for a second go.</summary>
    public async Task<OperationResult> AnswerAsync(Guid trainingRecordId, Guid? practitionerId, EvaluationAnswers answers, CancellationToken cancellationToken = default)
    {
        var questions = await QuestionsAsync(trainingRecordId, practitionerId, cancellationToken);
        if (questions.State != FormState.Open)
        {
            return Refusal(questions.State);
        }
        var errors = new List<FieldError>();
        RequireRating(answers.OverallRating, nameof(EvaluationAnswers.OverallRating), "Select how you rate the training overall", errors);
        for (var i = 0; i < questions.Outcomes.Count; i++)
        {
            var answer = i < answers.Outcomes.Count ? answers.Outcomes[i] : new OutcomeAnswer();
            RequireRating(answer.Before, $"Outcomes[{i}].Before", $"Select how confident you were before the training: {questions.Outcomes[i]}", errors);
            RequireRating(answer.After, $"Outcomes[{i}].After", $"Select how confident you are now: {questions.Outcomes[i]}", errors);
        }
        var text = answers.DoingDifferently?.Trim();
        if (text is { Length: > EvaluationLimits.FreeTextLength })
        {
            errors.Add(new FieldError(nameof(EvaluationAnswers.DoingDifferently), $"What you will do differently must be {EvaluationLimits.FreeTextLength:N0} characters or fewer"));
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }

        var request = await db.Set<EvaluationRequest>().FirstAsync(r => r.TrainingRecordId == trainingRecordId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        request.AnsweredAt = now;
        db.Set<EvaluationResponse>().Add(new EvaluationResponse
        {
            RequestId = request.Id,
            OverallRating = answers.OverallRating!.Value,
            DoingDifferently = string.IsNullOrEmpty(text) ? null : text,
            SubmittedAt = now,
            Outcomes = questions.Outcomes.Select((outcome, i) => new OutcomeConfidence
            {
                RequestId = request.Id, OutcomeNumber = i + 1, Outcome = Shorten(outcome), Before = answers.Outcomes[i].Before!.Value, After = answers.Outcomes[i].After!.Value,
            }).ToList(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return OperationResult.Success;
        }
        catch (DbUpdateException)
        {
            // The response's key is the request: a second submission racing this one got there first.
            db.ChangeTracker.Clear();
            return Refusal(FormState.Answered);
        }
    }

    /// <summary>The follow-up for <paramref name="trainingRecordId"/> as <paramref name="practitionerId"/> sees it.</summary>
    public async Task<FollowUpQuestions> FollowUpAsync(Guid trainingRecordId, Guid? practitionerId, CancellationToken cancellationToken = default)
    {
        var (state, request) = await AccessAsync(trainingRecordId, practitionerId, cancellationToken, createIfMissing: false);
        if (request is null)
        {
            return FollowUpQuestions.Closed(state);
        }
        var followUp = await db.Set<FollowUp>().AsNoTracking().FirstOrDefaultAsync(f => f.RequestId == request.Id, cancellationToken);
        if (followUp is null || followUp.Status == FollowUpStatus.Skipped)
        {
            return FollowUpQuestions.Closed(FormState.NotFound);
        }
        var title = await db.AllCourseVersions().Where(v => v.Id == request.CourseVersionId).Select(v => v.Title).FirstAsync(cancellationToken);
        return new FollowUpQuestions(followUp.Status == FollowUpStatus.Answered ? FormState.Answered : state, trainingRecordId, title, request.CompletedOn);
    }

    /// <summary>Stores the follow-up answers once.</summary>
    public async Task<OperationResult> AnswerFollowUpAsync(Guid trainingRecordId, Guid? practitionerId, FollowUpAnswers answers, CancellationToken cancellationToken = default)
    {
        var questions = await FollowUpAsync(trainingRecordId, practitionerId, cancellationToken);
        if (questions.State != FormState.Open)
        {
            return Refusal(questions.State);
        }
        var errors = new List<FieldError>();
        if (answers.PracticeChange is not { } change || !Enum.IsDefined(change))
        {
            errors.Add(new FieldError(nameof(FollowUpAnswers.PracticeChange), "Select whether the training has changed your practice"));
        }
        var example = answers.Example?.Trim();
        if (answers.PracticeChange == PracticeChange.Changed && string.IsNullOrEmpty(example))
        {
            errors.Add(new FieldError(nameof(FollowUpAnswers.Example), "Give an example of how your practice has changed"));
        }
        else if (example is { Length: > EvaluationLimits.FreeTextLength })
        {
            errors.Add(new FieldError(nameof(FollowUpAnswers.Example), $"The example must be {EvaluationLimits.FreeTextLength:N0} characters or fewer"));
        }
        if (answers.UseFrequency is not { } frequency || !Enum.IsDefined(frequency))
        {
            errors.Add(new FieldError(nameof(FollowUpAnswers.UseFrequency), "Select how often you have used what you learned"));
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }

        var requestId = await db.Set<EvaluationRequest>().Where(r => r.TrainingRecordId == trainingRecordId).Select(r => r.Id).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = answers.PracticeChange == PracticeChange.Changed && !string.IsNullOrEmpty(example) ? example : null;
        // Only a follow-up still waiting is answered, so a second submission (or a racing one) stores nothing.
        var updated = await db.Set<FollowUp>()
            .Where(f => f.RequestId == requestId && f.Status == FollowUpStatus.Sent)
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Status, FollowUpStatus.Answered)
                .SetProperty(f => f.AnsweredAt, now)
                .SetProperty(f => f.PracticeChange, answers.PracticeChange)
                .SetProperty(f => f.Example, stored)
                .SetProperty(f => f.UseFrequency, answers.UseFrequency), cancellationToken);
        return updated == 1 ? OperationResult.Success : Refusal(FormState.Answered);
    }

    /// <summary>Whose completion it is and whether they may still answer; the request (created if it is due one) when they may.</summary>
    private async Task<(FormState State, EvaluationRequest? Request)> AccessAsync(Guid trainingRecordId, Guid? practitionerId, CancellationToken cancellationToken, bool createIfMissing = true)
    {
        var owner = await db.AllTrainingRecords().Where(r => r.Id == trainingRecordId).Select(r => (Guid?)r.PractitionerId).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return (FormState.NotFound, null);
        }
        if (owner != practitionerId)
        {
            return (FormState.NotYours, null);
        }
        var today = UkTime.Today(clock);
        if (!await db.CurrentMemberships(today).AnyAsync(m => m.PractitionerId == owner, cancellationToken))
        {
            return (FormState.Left, null);
        }
        var request = createIfMissing
            ? await invitations.EnsureAsync(trainingRecordId, cancellationToken)
            : await db.Set<EvaluationRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.TrainingRecordId == trainingRecordId, cancellationToken);
        return request is null ? (FormState.NotFound, null) : (FormState.Open, request);
    }

    private static void RequireRating(int? value, string field, string missing, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, missing));
        }
        else if (value is < EvaluationLimits.LowestRating or > EvaluationLimits.HighestRating)
        {
            errors.Add(new FieldError(field, $"Choose a number from {EvaluationLimits.LowestRating} to {EvaluationLimits.HighestRating}"));
        }
    }

    private static OperationResult Refusal(FormState state) => state switch
    {
        FormState.Answered => OperationResult.Failed("", "You have already answered this. Thank you: nothing more has been stored."),
        FormState.NotYours => OperationResult.Failed("", "This link is for someone else's training."),
        FormState.Left => OperationResult.Failed("", "This closed when you left your agency."),
        _ => OperationResult.Failed("", "There is nothing to answer for this training."),
    };

    private static string Shorten(string outcome) => outcome.Length <= 1000 ? outcome : outcome[..1000];
}

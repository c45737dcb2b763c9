using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Domain;

namespace TrainingPortal.Evaluation.Services;

/// <summary>
/// What evaluation counts, as queries other modules (reports) and the results pages compose into set-based figures.
/// Read without tracking; none of them names anyone or carries free text.
/// </summary>
public static class EvaluationQueries
{
    /// <summary>Every completion asked about, whether it was answered and, when it was, the overall rating given.</summary>
    public static IQueryable<AskedEvaluation> EvaluationsAsked(this PortalDbContext db) =>
        db.Set<EvaluationRequest>().AsNoTracking().Select(r => new AskedEvaluation
        {
            RequestId = r.Id,
            CourseId = r.CourseId,
            CourseVersionId = r.CourseVersionId,
            CompletedOn = r.CompletedOn,
            Answered = r.Response != null,
            OverallRating = r.Response != null ? r.Response.OverallRating : null,
        });

    /// <summary>Each answer of confidence before and after against one learning outcome.</summary>
    public static IQueryable<ConfidenceAnswer> ConfidenceAnswers(this PortalDbContext db) =>
        from o in db.Set<OutcomeConfidence>().AsNoTracking()
        join r in db.Set<EvaluationRequest>() on o.RequestId equals r.Id
        select new ConfidenceAnswer
        {
            RequestId = r.Id, CourseId = r.CourseId, CourseVersionId = r.CourseVersionId, CompletedOn = r.CompletedOn,
            OutcomeNumber = o.OutcomeNumber, Outcome = o.Outcome, Before = o.Before, After = o.After,
        };

    /// <summary>Follow-ups that have been answered, with when, whether practice changed and how often what was learned was used.</summary>
    public static IQueryable<ReturnedFollowUp> FollowUpsReturned(this PortalDbContext db) =>
        from f in db.Set<FollowUp>().AsNoTracking()
        where f.Status == FollowUpStatus.Answered && f.AnsweredAt != null
        join r in db.Set<EvaluationRequest>() on f.RequestId equals r.Id
        select new ReturnedFollowUp
        {
            RequestId = r.Id, CourseId = r.CourseId, CourseVersionId = r.CourseVersionId, CompletedOn = r.CompletedOn,
            AnsweredAt = f.AnsweredAt!.Value, PracticeChanged = f.PracticeChange == PracticeChange.Changed, UseFrequency = f.UseFrequency,
        };

    /// <summary>
    /// The agencies each completion asked about counts for: those whose staff the person was in post with on the day they
    /// completed the training (<see cref="MembershipQueries.MembershipsInPostOn"/>), keyed by the request. Someone who
    /// worked for two agencies that day counts for both; someone in post nowhere counts for none.
    /// </summary>
    public static IQueryable<MembershipOnDay> AgenciesAtCompletion(this PortalDbContext db) =>
        db.MembershipsInPostOn(db.Set<EvaluationRequest>().AsNoTracking()
            .Select(r => new PersonOnDay { Key = r.Id, PractitionerId = r.PractitionerId, Day = r.CompletedOn }));
}

/// <summary>One completion asked about.</summary>
public sealed record AskedEvaluation
{
    public Guid RequestId { get; init; }

    public Guid CourseId { get; init; }

    public Guid CourseVersionId { get; init; }

    public DateOnly CompletedOn { get; init; }

    public bool Answered { get; init; }

    /// <summary>1 to 5; null until answered.</summary>
    public int? OverallRating { get; init; }
}

/// <summary>Confidence against one learning outcome, before and after the training (1 to 5 each).</summary>
public sealed record ConfidenceAnswer
{
    public Guid RequestId { get; init; }

    public Guid CourseId { get; init; }

    public Guid CourseVersionId { get; init; }

    public DateOnly CompletedOn { get; init; }

    public int OutcomeNumber { get; init; }

    public string Outcome { get; init; } = "";

    public int Before { get; init; }

    public int After { get; init; }
}

/// <summary>An answered follow-up.</summary>
public sealed record ReturnedFollowUp
{
    public Guid RequestId { get; init; }

    public Guid CourseId { get; init; }

    public Guid CourseVersionId { get; init; }

    public DateOnly CompletedOn { get; init; }

    /// <summary>UTC.</summary>
    public DateTime AnsweredAt { get; init; }

    public bool PracticeChanged { get; init; }

    public UseFrequency? UseFrequency { get; init; }
}

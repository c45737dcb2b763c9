using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Evaluation.Domain;

namespace TrainingPortal.Evaluation.Services;

/// <summary>One of a practitioner's completions waiting for them: its evaluation, or months later its follow-up.</summary>
public sealed record WaitingEvaluation(Guid TrainingRecordId, string CourseTitle, DateOnly CompletedOn, bool IsFollowUp)
{
    public string Url => IsFollowUp ? $"/evaluation/{TrainingRecordId}/follow-up" : $"/evaluation/{TrainingRecordId}";
}

/// <summary>
/// A practitioner's own evaluations as they see them: what is waiting for an answer, and whether a certificate is held
/// until its training is evaluated. Nothing waits for someone who is no longer on an agency's staff, since they can no
/// longer answer.
/// </summary>
public sealed class PractitionerEvaluations(PortalDbContext db, PortalSettings settings, EvaluationInvitations invitations, TimeProvider clock)
{
    /// <summary>Completions waiting for an evaluation or a follow-up, newest first.</summary>
    public async Task<IReadOnlyList<WaitingEvaluation>> WaitingAsync(Guid practitionerId, CancellationToken cancellationToken = default)
    {
        if (!await OnStaffAsync(practitionerId, cancellationToken))
        {
            return [];
        }
        var since = await invitations.StartedAtAsync(cancellationToken);
        var earliest = UkTime.Today(clock).AddDays(-EvaluationSettings.RecentCompletionDays);
        var requests = db.Set<EvaluationRequest>().AsNoTracking().Where(r => r.PractitionerId == practitionerId);
        var unanswered = await requests.Where(r => r.AnsweredAt == null)
            .Select(r => new { r.TrainingRecordId, r.CourseVersionId, r.CompletedOn, IsFollowUp = false })
            .ToListAsync(cancellationToken);
        // Completions the ten-minute job has not reached yet: opening the link makes their request.
        var notAskedYet = await invitations.Waiting(since, earliest).Where(r => r.PractitionerId == practitionerId)
            .Select(r => new { TrainingRecordId = r.Id, r.CourseVersionId, r.CompletedOn, IsFollowUp = false })
            .ToListAsync(cancellationToken);
        var followUps = await requests.Where(r => r.FollowUp != null && r.FollowUp.Status == FollowUpStatus.Sent)
            .Select(r => new { r.TrainingRecordId, r.CourseVersionId, r.CompletedOn, IsFollowUp = true })
            .ToListAsync(cancellationToken);
        var all = unanswered.Concat(notAskedYet).Concat(followUps).ToList();
        var versionIds = all.Select(w => w.CourseVersionId).Distinct().ToList();
        var titles = await db.AllCourseVersions().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Title, cancellationToken);
        return all.Select(w => new WaitingEvaluation(w.TrainingRecordId, titles.GetValueOrDefault(w.CourseVersionId, ""), w.CompletedOn, w.IsFollowUp))
            .OrderByDescending(w => w.CompletedOn).ThenBy(w => w.IsFollowUp).ThenBy(w => w.CourseTitle)
            .ToList();
    }

    /// <summary>
    /// Whether the certificate for <paramref name="trainingRecordId"/> waits for its evaluation: only while the setting
    /// is on, the record is one evaluation covers (not external training or history), it is unanswered, and its
    /// practitioner can still answer it.
    /// </summary>
    public async Task<bool> HoldsCertificateAsync(Guid trainingRecordId, Guid practitionerId, CancellationToken cancellationToken = default)
    {
        if (!await EvaluationSettings.HoldCertificatesAsync(settings, cancellationToken))
        {
            return false;
        }
        var answeredAt = await db.Set<EvaluationRequest>().AsNoTracking().Where(r => r.TrainingRecordId == trainingRecordId)
            .Select(r => new { r.AnsweredAt }).FirstOrDefaultAsync(cancellationToken);
        if (answeredAt is { AnsweredAt: not null } || (answeredAt is null && !await invitations.IsEvaluatedAsync(trainingRecordId, cancellationToken)))
        {
            return false;
        }
        return await OnStaffAsync(practitionerId, cancellationToken);
    }

    private Task<bool> OnStaffAsync(Guid practitionerId, CancellationToken cancellationToken) =>
        db.CurrentMemberships(UkTime.Today(clock)).AnyAsync(m => m.PractitionerId == practitionerId, cancellationToken);
}

/// <summary>My learning's "Evaluate the training" and "Answer the follow-up" links, and the notice above them.</summary>
internal sealed class EvaluationLearningLinks(PractitionerEvaluations evaluations) : ILearningRecordLinks
{
    public async Task<LearningRecordAdditions> ForPractitionerAsync(Guid practitionerId, CancellationToken cancellationToken = default)
    {
        var waiting = await evaluations.WaitingAsync(practitionerId, cancellationToken);
        if (waiting.Count == 0)
        {
            return LearningRecordAdditions.None;
        }
        var links = waiting.Select(w => new LearningRecordLink(w.TrainingRecordId, w.IsFollowUp ? "Answer the follow-up" : "Evaluate the training", w.Url)).ToList();
        var notice = waiting.Count == 1
            ? new LearningNotice($"Tell us about {waiting[0].CourseTitle}.", links[0].Text, waiting[0].Url)
            : new LearningNotice($"You have {waiting.Count} evaluations waiting.", "See your evaluations", "/evaluation/mine");
        return new LearningRecordAdditions(links, [notice]);
    }
}

/// <summary>Holds a practitioner's certificate until they evaluate the training, when the partnership sets it so.</summary>
internal sealed class EvaluationCertificateHold(PractitionerEvaluations evaluations) : ICertificateHold
{
    public async Task<CertificateHold?> HeldAsync(Guid trainingRecordId, Guid practitionerId, CancellationToken cancellationToken = default) =>
        await evaluations.HoldsCertificateAsync(trainingRecordId, practitionerId, cancellationToken)
            ? new CertificateHold(
                "Your certificate is ready once you evaluate the training",
                "The partnership asks everyone to tell it what they thought of their training before their certificate is issued. It takes about five minutes, and your agency's safeguarding lead never sees your own answers.",
                "Evaluate the training",
                $"/evaluation/{trainingRecordId}")
            : null;
}

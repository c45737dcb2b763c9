using TrainingPortal.Core;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Evaluation.Services;

/// <summary>Writes evaluation emails to the outbox; the caller's SaveChanges sends them with the change that caused them.</summary>
public sealed class EvaluationMail(Outbox outbox, PublicUrls urls)
{
    /// <summary>Asks a practitioner to evaluate training they have just completed.</summary>
    public Task InviteAsync(string email, string firstName, string lastName, Guid trainingRecordId, string courseTitle, DateOnly completedOn, bool certificateHeld, CancellationToken cancellationToken)
    {
        List<string> paragraphs =
        [
            $"You completed {courseTitle} on {UkTime.FormatDate(completedOn)}. Please take a few minutes to tell us what you thought of it and how confident you feel now against each of its learning outcomes.",
            "Your answers help the partnership improve its training. Your agency's safeguarding lead sees only totals for groups of five or more people, never your own answers.",
        ];
        if (certificateHeld)
        {
            paragraphs.Add("Your certificate will be ready as soon as you have answered.");
        }
        return outbox.EnqueueAsync("evaluation-invitation", email, $"{firstName} {lastName}",
            new EmailContent($"How was {courseTitle}?", $"Dear {firstName},", paragraphs)
            {
                ActionText = "Evaluate the training",
                ActionUrl = urls.Absolute($"/evaluation/{trainingRecordId}"),
            }, cancellationToken: cancellationToken);
    }

    /// <summary>Asks, months later, whether the training changed the practitioner's practice; the reminder says so.</summary>
    public Task FollowUpAsync(string email, string firstName, string lastName, Guid trainingRecordId, string courseTitle, DateOnly completedOn, bool reminder, CancellationToken cancellationToken)
    {
        var subject = reminder ? $"Reminder: has {courseTitle} changed your practice?" : $"Has {courseTitle} changed your practice?";
        List<string> paragraphs =
        [
            $"You completed {courseTitle} on {UkTime.FormatDate(completedOn)}. Three short questions ask whether it has changed how you work with children and families, and how often you have used what you learned.",
            "Your answers show the partnership whether its training makes a difference in practice.",
        ];
        if (reminder)
        {
            paragraphs.Insert(0, "We asked you about this a couple of weeks ago. This is the only reminder we will send.");
        }
        return outbox.EnqueueAsync(reminder ? "evaluation-follow-up-reminder" : "evaluation-follow-up", email, $"{firstName} {lastName}",
            new EmailContent(subject, $"Dear {firstName},", paragraphs)
            {
                ActionText = "Answer three questions",
                ActionUrl = urls.Absolute($"/evaluation/{trainingRecordId}/follow-up"),
            }, cancellationToken: cancellationToken);
    }
}

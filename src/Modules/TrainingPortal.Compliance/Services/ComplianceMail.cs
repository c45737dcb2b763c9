using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Services;

/// <summary>The words of the compliance emails, in one place.</summary>
public sealed class ComplianceMail(Outbox outbox, PublicUrls urls)
{
    public const string ReminderCategory = "ComplianceReminder";

    /// <summary>Queues a reminder listing the requirements a person still has to do (not the met ones).</summary>
    public Task ReminderAsync(string email, string name, IEnumerable<RequirementDetail> outstanding, string? fromLead, CancellationToken cancellationToken = default)
    {
        var lines = outstanding.Select(Line).ToList();
        var paragraphs = new List<string>
        {
            fromLead is null
                ? "This is a reminder about the neglect training your role needs."
                : $"{fromLead}, your agency's safeguarding lead, has asked us to remind you about the neglect training your role needs.",
        };
        paragraphs.AddRange(lines);
        paragraphs.Add("You can book a place or start e-learning from the link below. It shows everything you need and when it is due.");
        return outbox.EnqueueAsync(ReminderCategory, email, name,
            new EmailContent("Neglect training you need to do", $"Dear {name},", paragraphs)
            {
                ActionText = "See what training you need",
                ActionUrl = urls.Absolute("/what-i-need"),
            }, cancellationToken: cancellationToken);
    }

    /// <summary>"Neglect basic training: expired on 1 June 2026 (Neglect basic awareness)."</summary>
    public static string Line(RequirementDetail detail) => detail.Status switch
    {
        ComplianceStatus.DueSoon => $"{detail.Requirement.Name}: due for renewal by {Day(detail.LatestExpiresOn)}.",
        ComplianceStatus.Expired => $"{detail.Requirement.Name}: expired on {Day(detail.LatestExpiresOn)}.",
        ComplianceStatus.Missing => $"{detail.Requirement.Name}: not done yet{(detail.Requirement.MainCourse is { } course ? $" (the course is {course.Title})" : "")}.",
        _ => $"{detail.Requirement.Name}: done.",
    };

    private static string Day(DateOnly? day) => day is { } d ? UkTime.FormatDate(d) : "an unknown date";
}

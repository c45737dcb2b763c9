using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Services;

/// <summary>
/// The compliance emails people may choose how often to get: reminders of training that is due or expired (required
/// by the partnership, so only batched, never off) for anyone with a current agency, and the weekly summary for leads.
/// </summary>
public sealed class ComplianceNotificationTopics(PortalDbContext db, ComplianceCalculator calculator) : INotificationTopics
{
    public const string Reminders = "ComplianceReminders";
    public const string Digest = "ComplianceDigest";

    public static readonly NotificationTopic RemindersTopic = new(Reminders, "Training reminders",
        "How often do you want reminders about training that is due or has expired?",
        [
            new(NotificationFrequency.Immediately, "As soon as something is due"),
            new(NotificationFrequency.Weekly, "A weekly summary"),
            new(NotificationFrequency.Monthly, "A monthly summary"),
        ])
    {
        Hint = "Each piece of training is mentioned once when it falls due for renewal and once if it expires.",
        IsRequired = true,
        ErrorMessage = "Select how often you want reminders about training that is due",
    };

    public static readonly NotificationTopic DigestTopic = new(Digest, "Weekly summary for safeguarding leads",
        "Weekly summary of your agency's training",
        [new(NotificationFrequency.Weekly, "Email me a summary every Monday")])
    {
        Hint = "What changed in the week for each agency you lead: how many staff are compliant, who joined and left, training completed, and training that expired or fell due.",
    };

    public IReadOnlyList<NotificationTopic> Topics { get; } = [RemindersTopic, DigestTopic];

    public async Task<IReadOnlyList<string>> TopicsForAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var topics = new List<string>();
        if (await db.MembershipsInPost(calculator.Today).AnyAsync(m => m.Practitioner!.UserId == userId, cancellationToken))
        {
            topics.Add(Reminders);
        }
        if (await db.Set<AgencyLead>().AnyAsync(l => l.UserId == userId, cancellationToken))
        {
            topics.Add(Digest);
        }
        return topics;
    }
}

using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Notifications.Services;

/// <summary>One answer to "how often?", in the words of its topic ("As soon as something is due").</summary>
public sealed record NotificationChoice(NotificationFrequency Frequency, string Label);

/// <summary>
/// A kind of email people may choose how often to receive, declared by the module that sends it.
/// A required topic cannot be turned off, and its summaries may be no less frequent than the partnership allows
/// (<see cref="NotificationPreferences.LeastFrequentAllowedAsync"/>). An optional topic with one choice is a tick box.
/// </summary>
/// <param name="Key">Stable key stored with each choice ("ComplianceReminders").</param>
/// <param name="Name">What the emails are about, for the audit trail ("Training reminders").</param>
/// <param name="Question">The question on the preferences page.</param>
/// <param name="Choices">The answers, most frequent first; the first is the default unless <see cref="Default"/> says otherwise.</param>
public sealed record NotificationTopic(string Key, string Name, string Question, IReadOnlyList<NotificationChoice> Choices)
{
    public string? Hint { get; init; }

    public bool IsRequired { get; init; }

    /// <summary>The error when the question is left unanswered.</summary>
    public string ErrorMessage { get; init; } = "Select one of the options";

    public NotificationFrequency Default { get; init; } = Choices[0].Frequency;

    /// <summary>Shown as one tick box: on is the only choice, off is <see cref="NotificationFrequency.Off"/>.</summary>
    public bool IsOnOff => !IsRequired && Choices.Count == 1;

    /// <summary>The label of a frequency in this topic's words; "Off" when it is turned off.</summary>
    public string Describe(NotificationFrequency frequency) =>
        Choices.FirstOrDefault(c => c.Frequency == frequency)?.Label ?? (frequency == NotificationFrequency.Off ? "Off" : frequency.ToString());
}

/// <summary>
/// A module's notification topics and who they are for. Each module that sends optional or batched email registers
/// one; <see cref="NotificationPreferences"/> gathers them for the preferences page and the senders.
/// </summary>
public interface INotificationTopics
{
    IReadOnlyList<NotificationTopic> Topics { get; }

    /// <summary>The keys of the topics that concern this account (a lead's weekly summary only for leads).</summary>
    Task<IReadOnlyList<string>> TopicsForAsync(Guid userId, CancellationToken cancellationToken = default);
}

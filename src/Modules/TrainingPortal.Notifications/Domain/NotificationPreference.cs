namespace TrainingPortal.Notifications.Domain;

/// <summary>How often someone hears about a topic. Ordered from most to least often, so "less often than" is a comparison.</summary>
public enum NotificationFrequency
{
    /// <summary>An email as soon as there is something to say.</summary>
    Immediately,
    /// <summary>At most one email a week, gathering everything since the last one.</summary>
    Weekly,
    /// <summary>At most one email every 30 days, gathering everything since the last one.</summary>
    Monthly,
    /// <summary>No email at all; only for topics the partnership does not require.</summary>
    Off,
}

/// <summary>
/// One person's choice for one topic (such as compliance reminders). Without a row the topic's default applies.
/// Keyed by the sign-in account: people without an account cannot choose, so they get the defaults.
/// </summary>
public class NotificationPreference
{
    public Guid UserId { get; set; }

    /// <summary>The topic's key, declared by the module that sends those emails.</summary>
    public required string Topic { get; set; }

    public NotificationFrequency Frequency { get; set; }

    public DateTime UpdatedAt { get; set; }
}

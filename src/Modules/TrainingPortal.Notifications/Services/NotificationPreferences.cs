using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.Settings;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Notifications.Services;

/// <summary>A topic as one person sees it on their preferences page: the answers they may give and the one that applies now.</summary>
public sealed record TopicPreference(NotificationTopic Topic, IReadOnlyList<NotificationChoice> Choices, NotificationFrequency Current);

/// <summary>The frequency that applies to each of a batch of accounts for one topic; the default for anyone else.</summary>
public sealed class TopicFrequencies(NotificationFrequency fallback, IReadOnlyDictionary<Guid, NotificationFrequency> chosen)
{
    /// <summary>The frequency for an account; the topic's default for people without one (staff records not yet signed in).</summary>
    public NotificationFrequency For(Guid? userId) => userId is { } id && chosen.TryGetValue(id, out var frequency) ? frequency : fallback;
}

/// <summary>
/// How often each person hears from the platform, within what the partnership requires. People choose per topic; the
/// partnership sets the least frequent summary allowed for required topics, and choices beyond it are neither offered
/// nor accepted. A choice the partnership has since ruled out counts as the least frequent one still allowed.
/// </summary>
public sealed class NotificationPreferences(
    PortalDbContext db, PortalSettings settings, IEnumerable<INotificationTopics> modules, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The least frequent option people may choose for required topics: Immediately, Weekly or Monthly.</summary>
    public const string LeastFrequentKey = "Notifications:LeastFrequentReminders";

    public const NotificationFrequency DefaultLeastFrequent = NotificationFrequency.Monthly;

    private NotificationFrequency? leastFrequent;

    /// <summary>Every topic the enabled modules declare.</summary>
    public IReadOnlyList<NotificationTopic> Topics { get; } = modules.SelectMany(m => m.Topics).ToList();

    /// <summary>The partnership's setting; the default when it is missing or not one of the three.</summary>
    public async Task<NotificationFrequency> LeastFrequentAllowedAsync(CancellationToken cancellationToken = default) =>
        leastFrequent ??= Parse(await settings.GetAsync(LeastFrequentKey, cancellationToken)) is { } value && value != NotificationFrequency.Off
            ? value
            : DefaultLeastFrequent;

    /// <summary>Changes the partnership's setting (null is refused); audited.</summary>
    public async Task<OperationResult> SetLeastFrequentAllowedAsync(NotificationFrequency? value, CancellationToken cancellationToken = default)
    {
        if (value is not { } chosen || chosen == NotificationFrequency.Off)
        {
            return OperationResult.Failed("LeastFrequent", "Select the least often people may choose to hear from the platform");
        }
        var before = await LeastFrequentAllowedAsync(cancellationToken);
        if (before != chosen)
        {
            await settings.SetAsync(LeastFrequentKey, chosen.ToString(), cancellationToken);
            audit.Record("Notification settings changed", "Settings", "Notifications", AuditTrail.Describe(("Least frequent reminders", before, chosen)));
            await db.SaveChangesAsync(cancellationToken);
            leastFrequent = chosen;
        }
        return OperationResult.Success;
    }

    /// <summary>The topics that concern this account, each with the answers allowed and the one that applies now.</summary>
    public async Task<IReadOnlyList<TopicPreference>> ForUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var keys = new HashSet<string>();
        foreach (var module in modules)
        {
            keys.UnionWith(await module.TopicsForAsync(userId, cancellationToken));
        }
        var topics = Topics.Where(t => keys.Contains(t.Key)).ToList();
        var topicKeys = topics.Select(t => t.Key).ToList();
        var chosen = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => p.UserId == userId && topicKeys.Contains(p.Topic))
            .ToDictionaryAsync(p => p.Topic, p => p.Frequency, cancellationToken);
        var allowed = await LeastFrequentAllowedAsync(cancellationToken);
        return topics.Select(t => new TopicPreference(t, Offered(t, allowed),
            Effective(t, chosen.TryGetValue(t.Key, out var frequency) ? frequency : null, allowed))).ToList();
    }

    /// <summary>
    /// Saves one person's answers, keyed by topic. Every topic that concerns them needs an answer the partnership
    /// allows; otherwise nothing is saved and each error names the topic's key as its field. Changes are audited.
    /// </summary>
    public async Task<OperationResult> SaveAsync(Guid userId, IReadOnlyDictionary<string, NotificationFrequency?> answers, CancellationToken cancellationToken = default)
    {
        var topics = await ForUserAsync(userId, cancellationToken);
        var errors = new List<FieldError>();
        foreach (var key in answers.Keys.Where(k => topics.All(t => t.Topic.Key != k)))
        {
            errors.Add(new(key, "That choice is not available to you"));
        }
        foreach (var (topic, offered, _) in topics)
        {
            var answer = answers.GetValueOrDefault(topic.Key);
            if (answer is not { } frequency)
            {
                errors.Add(new(topic.Key, topic.ErrorMessage));
            }
            else if (topic.IsRequired && topic.Choices.Any(c => c.Frequency == frequency) && offered.All(c => c.Frequency != frequency))
            {
                errors.Add(new(topic.Key, $"The partnership does not allow {topic.Describe(frequency).ToLowerInvariant()}. Choose {string.Join(" or ", offered.Select(c => c.Label.ToLowerInvariant()))}"));
            }
            else if (offered.All(c => c.Frequency != frequency) && (topic.IsRequired || frequency != NotificationFrequency.Off))
            {
                errors.Add(new(topic.Key, topic.ErrorMessage));
            }
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var keys = topics.Select(t => t.Topic.Key).ToList();
        var rows = await db.Set<NotificationPreference>().Where(p => p.UserId == userId && keys.Contains(p.Topic)).ToDictionaryAsync(p => p.Topic, cancellationToken);
        var changes = new List<(string, object?, object?)>();
        foreach (var (topic, _, current) in topics)
        {
            var frequency = answers[topic.Key]!.Value;
            if (!rows.TryGetValue(topic.Key, out var row))
            {
                db.Set<NotificationPreference>().Add(new NotificationPreference { UserId = userId, Topic = topic.Key, Frequency = frequency, UpdatedAt = now });
            }
            else if (row.Frequency != frequency)
            {
                row.Frequency = frequency;
                row.UpdatedAt = now;
            }
            changes.Add((topic.Name, topic.Describe(current), topic.Describe(frequency)));
        }
        if (AuditTrail.Describe([.. changes]) is { } described)
        {
            audit.Record("Email preferences changed", "User", userId, described);
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// The frequency that applies for one topic to each of a batch of accounts, in one query: for senders working
    /// through many people at once.
    /// </summary>
    public async Task<TopicFrequencies> FrequenciesAsync(string topicKey, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var topic = Topics.SingleOrDefault(t => t.Key == topicKey) ?? throw new ArgumentException($"No module declares the notification topic {topicKey}.", nameof(topicKey));
        var allowed = await LeastFrequentAllowedAsync(cancellationToken);
        var chosen = userIds.Count == 0
            ? []
            : await db.Set<NotificationPreference>().AsNoTracking()
                .Where(p => p.Topic == topicKey && userIds.Contains(p.UserId))
                .ToDictionaryAsync(p => p.UserId, p => Effective(topic, p.Frequency, allowed), cancellationToken);
        return new TopicFrequencies(Effective(topic, null, allowed), chosen);
    }

    /// <summary>The answers offered: for a required topic, only those at least as frequent as the partnership allows.</summary>
    private static IReadOnlyList<NotificationChoice> Offered(NotificationTopic topic, NotificationFrequency allowed) =>
        topic.IsRequired ? topic.Choices.Where(c => c.Frequency <= allowed).ToList() : topic.Choices;

    /// <summary>What applies: the person's choice if it is still allowed, otherwise the nearest allowed answer.</summary>
    private static NotificationFrequency Effective(NotificationTopic topic, NotificationFrequency? chosen, NotificationFrequency allowed)
    {
        var frequency = chosen ?? topic.Default;
        if (!topic.IsRequired)
        {
            return frequency == NotificationFrequency.Off || topic.Choices.Any(c => c.Frequency == frequency) ? frequency : topic.Default;
        }
        var offered = Offered(topic, allowed);
        return offered.Any(c => c.Frequency == frequency) ? frequency
            : offered.Where(c => c.Frequency <= frequency).Select(c => (NotificationFrequency?)c.Frequency).Max() ?? offered[0].Frequency;
    }

    private static NotificationFrequency? Parse(string? value) =>
        Enum.TryParse<NotificationFrequency>(value?.Trim(), ignoreCase: true, out var frequency) && Enum.IsDefined(frequency) ? frequency : null;
}

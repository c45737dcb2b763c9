namespace TrainingPortal.Catalogue.Services;

/// <summary>An action another module offers on one of a practitioner's training records ("Evaluate the training").</summary>
public sealed record LearningRecordLink(Guid TrainingRecordId, string Text, string Url);

/// <summary>A notice at the top of My learning, when another module is waiting for the practitioner to do something.</summary>
public sealed record LearningNotice(string Heading, string LinkText, string Url);

/// <summary>What one module adds to a practitioner's My learning page.</summary>
public sealed record LearningRecordAdditions(IReadOnlyList<LearningRecordLink> Links, IReadOnlyList<LearningNotice> Notices)
{
    public static LearningRecordAdditions None { get; } = new([], []);
}

/// <summary>
/// Implemented by modules that ask practitioners about their completed training (evaluation), so My learning can link
/// to them without the catalogue depending on those modules. There may be none.
/// </summary>
public interface ILearningRecordLinks
{
    /// <summary>The links for <paramref name="practitionerId"/>'s records, and any notice to show above them.</summary>
    Task<LearningRecordAdditions> ForPractitionerAsync(Guid practitionerId, CancellationToken cancellationToken = default);
}

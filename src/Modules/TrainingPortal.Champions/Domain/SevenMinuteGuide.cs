namespace TrainingPortal.Champions.Domain;

/// <summary>The two formats: the full seven parts, or the short one-minute guide's three.</summary>
public enum GuideFormat
{
    SevenMinute,
    OneMinute,
}

/// <summary>Where one version of a guide is in review.</summary>
public enum GuideVersionStatus
{
    Draft,
    /// <summary>Sent to the training unit for review.</summary>
    Submitted,
    /// <summary>Sent back to the author with comments; they edit and submit again.</summary>
    Returned,
    /// <summary>The version the library shows.</summary>
    Published,
    /// <summary>A published version replaced by a later one.</summary>
    Superseded,
}

/// <summary>
/// A seven-minute (or one-minute) guide written by a neglect champion. Its content lives in versions: editing a
/// published guide starts a new version, which goes through review while the published one stays in the library.
/// Briefings count as learning on the catalogue course the guide is published as.
/// </summary>
public class SevenMinuteGuide
{
    public Guid Id { get; set; }

    /// <summary>1, 2, 3…: the guide's number in the library and in its course code (7MG-001).</summary>
    public int Number { get; set; }

    public GuideFormat Format { get; set; }

    public Guid AuthorUserId { get; set; }

    /// <summary>The catalogue course its briefings are recorded on, once published.</summary>
    public Guid? CourseId { get; set; }

    /// <summary>When the published content must be reviewed again.</summary>
    public DateOnly? ReviewDate { get; set; }

    /// <summary>The review date a reminder was sent for, so each review date is reminded once.</summary>
    public DateOnly? ReviewReminderSentFor { get; set; }

    /// <summary>Retired guides leave the library and cannot be briefed on.</summary>
    public bool IsRetired { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<GuideVersion> Versions { get; set; } = [];
}

/// <summary>One version of a guide's content: the parts in Markdown, tags and target sectors.</summary>
public class GuideVersion
{
    public Guid Id { get; set; }

    public Guid GuideId { get; set; }

    public int Number { get; set; }

    public GuideVersionStatus Status { get; set; }

    public required string Title { get; set; }

    public string? WhatItIs { get; set; }

    public string? WhyItMatters { get; set; }

    public string? WhatResearchSays { get; set; }

    public string? WhatToLookFor { get; set; }

    public string? WhatToDo { get; set; }

    public string? QuestionsForReflection { get; set; }

    public string? FurtherReading { get; set; }

    /// <summary>The training unit's comments when it returned the version.</summary>
    public string? ReviewComments { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public Guid? PublishedByUserId { get; set; }

    /// <summary>The catalogue course version this guide version was published as.</summary>
    public Guid? CourseVersionId { get; set; }

    public List<GuideTag> Tags { get; set; } = [];

    public List<GuideSector> Sectors { get; set; } = [];
}

/// <summary>A subject tag on a guide version ("Dental neglect"), kept lower-case for search.</summary>
public class GuideTag
{
    public Guid GuideVersionId { get; set; }

    public required string Tag { get; set; }
}

/// <summary>A sector the guide version is written for; none means every sector.</summary>
public class GuideSector
{
    public Guid GuideVersionId { get; set; }

    public int SectorId { get; set; }
}

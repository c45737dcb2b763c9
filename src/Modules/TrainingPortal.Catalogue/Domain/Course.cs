namespace TrainingPortal.Catalogue.Domain;

public enum CourseLevel
{
    Awareness,
    Basic,
    Advanced,
    Specialist,
}

public enum DeliveryMode
{
    ELearning,
    FaceToFace,
    VirtualClassroom,
    Briefing,
}

public enum CourseStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>What completing a course licenses the person to do.</summary>
public enum CourseLicence
{
    None,
    /// <summary>May use the Graded Care Profile 2 and see its resources.</summary>
    Gcp2Practitioner,
    /// <summary>May deliver GCP2 practitioner training.</summary>
    Gcp2Trainer,
}

/// <summary>
/// An item in the catalogue. Its content lives in <see cref="CourseVersion"/>s: editing a published course adds
/// a version, so a training record keeps the version it was earned on.
/// </summary>
public class Course
{
    public Guid Id { get; set; }

    /// <summary>Short stable code ("NEG-BASIC") used in recipes, imports and URLs.</summary>
    public required string Code { get; set; }

    public CourseStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<CourseVersion> Versions { get; set; } = [];

    public List<CoursePrerequisite> Prerequisites { get; set; } = [];

    public CourseVersion CurrentVersion => Versions.OrderByDescending(v => v.Number).First();
}

/// <summary>One version of a course's content and rules.</summary>
public class CourseVersion
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>One outcome per line.</summary>
    public required string LearningOutcomes { get; set; }

    public CourseLevel Level { get; set; }

    public DeliveryMode DeliveryMode { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Months a completion stays valid before a refresher is due; null means it does not expire.</summary>
    public int? ValidityMonths { get; set; }

    public bool RequiresApproval { get; set; }

    public CourseLicence Licence { get; set; }

    public string? Owner { get; set; }

    /// <summary>When the content must next be refreshed with learning from audits and case reviews.</summary>
    public DateOnly? ReviewDate { get; set; }

    /// <summary>Sector ids the course is for; empty means every sector.</summary>
    public List<int> AudienceSectorIds { get; set; } = [];

    /// <summary>Workforce group ids the course is for; empty means every group.</summary>
    public List<int> AudienceGroupIds { get; set; } = [];

    /// <summary>Percentage needed to pass the knowledge check; null when there is no check.</summary>
    public int? PassMark { get; set; }

    /// <summary>Attempts allowed at the knowledge check; null means unlimited.</summary>
    public int? MaxAttempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Lesson> Lessons { get; set; } = [];

    public List<Question> Questions { get; set; } = [];

    public IEnumerable<string> OutcomeList => LearningOutcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool HasKnowledgeCheck => PassMark is not null && Questions.Count > 0;

    /// <summary>When a completion on <paramref name="completedOn"/> stops being valid.</summary>
    public DateOnly? ExpiryFor(DateOnly completedOn) => ValidityMonths is { } months ? completedOn.AddMonths(months) : null;
}

/// <summary>Another course that must be completed (and still valid) before this one can be taken.</summary>
public class CoursePrerequisite
{
    public Guid CourseId { get; set; }

    public Guid RequiredCourseId { get; set; }
}

/// <summary>A page of e-learning, written in Markdown.</summary>
public class Lesson
{
    public Guid Id { get; set; }

    public Guid CourseVersionId { get; set; }

    public int Order { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }
}

public class Question
{
    public Guid Id { get; set; }

    public Guid CourseVersionId { get; set; }

    public int Order { get; set; }

    public required string Text { get; set; }

    /// <summary>True when more than one option is correct ("Select all that apply").</summary>
    public bool AllowsMultiple { get; set; }

    public List<AnswerOption> Options { get; set; } = [];
}

public class AnswerOption
{
    public Guid Id { get; set; }

    public Guid QuestionId { get; set; }

    public int Order { get; set; }

    public required string Text { get; set; }

    public bool IsCorrect { get; set; }
}

/// <summary>An image used in lessons, served from the database.</summary>
public class LessonImage
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>A file attached to a course; restricted ones (GCP2 materials) are only for licensed practitioners.</summary>
public class CourseResource
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public required string Title { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public bool LicensedOnly { get; set; }

    public DateTime UploadedAt { get; set; }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Catalogue.Services;

/// <summary>The course details a coordinator edits.</summary>
public sealed class CourseInput
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? LearningOutcomes { get; set; }
    public CourseLevel? Level { get; set; }
    public DeliveryMode? DeliveryMode { get; set; }
    public int? DurationMinutes { get; set; }
    public int? ValidityMonths { get; set; }
    public bool RequiresApproval { get; set; }
    public CourseLicence Licence { get; set; }
    public string? Owner { get; set; }
    public DateOnly? ReviewDate { get; set; }
    public List<int> SectorIds { get; set; } = [];
    public List<int> GroupIds { get; set; } = [];
    public List<Guid> PrerequisiteIds { get; set; } = [];
    public int? PassMark { get; set; }
    public int? MaxAttempts { get; set; }
}

/// <summary>A question as entered: its options and which are correct.</summary>
public sealed record QuestionInput(string? Text, bool AllowsMultiple, IReadOnlyList<(string Text, bool IsCorrect)> Options);

/// <summary>
/// Creates and changes courses. Content that somebody has already learned from is frozen: changing it adds a new
/// version, so existing training records and people part-way through keep the version they took.
/// </summary>
public sealed class CourseEditor(PortalDbContext db, AuditTrail audit, IMemoryCache cache, TimeProvider clock)
{
    public async Task<OperationResult<Guid>> CreateAsync(CourseInput input, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(null, input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<Guid>.Failed(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var course = new Course { Id = Guid.NewGuid(), Code = input.Code!.Trim().ToUpperInvariant(), Status = CourseStatus.Draft, CreatedAt = now };
        var version = new CourseVersion { Id = Guid.NewGuid(), CourseId = course.Id, Number = 1, Title = "", Summary = "", LearningOutcomes = "", CreatedAt = now };
        Apply(version, input);
        course.Versions.Add(version);
        course.Prerequisites = input.PrerequisiteIds.Distinct().Select(id => new CoursePrerequisite { CourseId = course.Id, RequiredCourseId = id }).ToList();
        db.Set<Course>().Add(course);
        audit.Record("Course created", "Course", course.Id, $"{course.Code}: {version.Title}");
        await db.SaveChangesAsync(cancellationToken);
        Changed();
        return OperationResult<Guid>.Ok(course.Id);
    }

    public async Task<OperationResult> UpdateAsync(Guid courseId, CourseInput input, CancellationToken cancellationToken = default)
    {
        var course = await db.Set<Course>().Include(c => c.Prerequisites).SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null)
        {
            return OperationResult.Failed("", "That course no longer exists.");
        }
        var errors = await ValidateAsync(courseId, input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }
        var version = await VersionForEditAsync(course, cancellationToken);
        Apply(version, input);
        db.Set<CoursePrerequisite>().RemoveRange(course.Prerequisites);
        course.Prerequisites = input.PrerequisiteIds.Distinct().Select(id => new CoursePrerequisite { CourseId = course.Id, RequiredCourseId = id }).ToList();
        audit.Record("Course changed", "Course", course.Id, $"{course.Code} version {version.Number}");
        await db.SaveChangesAsync(cancellationToken);
        Changed();
        return OperationResult.Success;
    }

    public async Task<OperationResult> PublishAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var course = await db.Set<Course>().SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null)
        {
            return OperationResult.Failed("", "That course no longer exists.");
        }
        var version = await CurrentVersionAsync(courseId, cancellationToken);
        if (version.DeliveryMode == DeliveryMode.ELearning && !await db.Set<Lesson>().AnyAsync(l => l.CourseVersionId == version.Id, cancellationToken))
        {
            return OperationResult.Failed("", "Add at least one lesson before publishing an e-learning course.");
        }
        if (version.PassMark is not null && !await db.Set<Question>().AnyAsync(q => q.CourseVersionId == version.Id, cancellationToken))
        {
            return OperationResult.Failed("", "Add questions to the knowledge check, or remove its pass mark, before publishing.");
        }
        course.Status = CourseStatus.Published;
        audit.Record("Course published", "Course", course.Id, course.Code);
        await db.SaveChangesAsync(cancellationToken);
        Changed();
        return OperationResult.Success;
    }

    /// <summary>
    /// Adds a new version with these details, whether or not anyone has learned from the current one, and returns its id.
    /// For courses that stand for content published elsewhere (a seven-minute guide), where each published edition is a version.
    /// </summary>
    public async Task<OperationResult<Guid>> AddVersionAsync(Guid courseId, CourseInput input, CancellationToken cancellationToken = default)
    {
        var course = await db.Set<Course>().SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null)
        {
            return OperationResult<Guid>.Failed("", "That course no longer exists.");
        }
        var errors = await ValidateAsync(courseId, input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<Guid>.Failed(errors);
        }
        var current = await CurrentVersionAsync(courseId, cancellationToken);
        var version = new CourseVersion
        {
            Id = Guid.NewGuid(), CourseId = course.Id, Number = current.Number + 1, Title = "", Summary = "", LearningOutcomes = "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Apply(version, input);
        db.Set<CourseVersion>().Add(version);
        audit.Record("Course version added", "Course", course.Id, $"{course.Code}: version {version.Number}");
        await db.SaveChangesAsync(cancellationToken);
        Changed();
        return OperationResult<Guid>.Ok(version.Id);
    }

    public async Task RetireAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var course = await db.Set<Course>().SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is not null && course.Status != CourseStatus.Retired)
        {
            course.Status = CourseStatus.Retired;
            audit.Record("Course retired", "Course", course.Id, course.Code);
            await db.SaveChangesAsync(cancellationToken);
            Changed();
        }
    }

    public async Task<IReadOnlyList<Lesson>> LessonsAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var version = await CurrentVersionAsync(courseId, cancellationToken);
        return await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseVersionId == version.Id).OrderBy(l => l.Order).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Question>> QuestionsAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var version = await CurrentVersionAsync(courseId, cancellationToken);
        return await db.Set<Question>().AsNoTracking().Include(q => q.Options.OrderBy(o => o.Order)).Where(q => q.CourseVersionId == version.Id).OrderBy(q => q.Order).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a lesson at the end, or changes the lesson at <paramref name="order"/>.</summary>
    public async Task<OperationResult> SaveLessonAsync(Guid courseId, int? order, string? title, string? body, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new("LessonTitle", "Enter the lesson's title"));
        }
        else if (title.Trim().Length > 200)
        {
            errors.Add(new("LessonTitle", "Title must be 200 characters or fewer"));
        }
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add(new("LessonBody", "Enter the lesson's content"));
        }
        else if (body.Length > 40_000)
        {
            errors.Add(new("LessonBody", "Content must be 40,000 characters or fewer"));
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }
        var course = await db.Set<Course>().SingleAsync(c => c.Id == courseId, cancellationToken);
        var version = await VersionForEditAsync(course, cancellationToken);
        // The version's own collection, not a fresh query: a version copied for this edit is not saved yet.
        var lessons = version.Lessons;
        var lesson = order is null ? null : lessons.SingleOrDefault(l => l.Order == order);
        if (lesson is null)
        {
            lesson = new Lesson { Id = Guid.NewGuid(), CourseVersionId = version.Id, Order = lessons.Count == 0 ? 1 : lessons.Max(l => l.Order) + 1, Title = "", Body = "" };
            db.Set<Lesson>().Add(lesson);
            version.Lessons.Add(lesson);
        }
        lesson.Title = title!.Trim();
        lesson.Body = body!.Replace("\r\n", "\n");
        audit.Record("Lesson saved", "Course", course.Id, $"{course.Code} version {version.Number}: {lesson.Order}. {lesson.Title}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    public async Task<OperationResult> SaveQuestionAsync(Guid courseId, int? order, QuestionInput input, CancellationToken cancellationToken = default)
    {
        var errors = ValidateQuestion(input);
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }
        var course = await db.Set<Course>().SingleAsync(c => c.Id == courseId, cancellationToken);
        var version = await VersionForEditAsync(course, cancellationToken);
        var questions = version.Questions;
        var question = order is null ? null : questions.SingleOrDefault(q => q.Order == order);
        if (question is null)
        {
            question = new Question { Id = Guid.NewGuid(), CourseVersionId = version.Id, Order = questions.Count == 0 ? 1 : questions.Max(q => q.Order) + 1, Text = "" };
            db.Set<Question>().Add(question);
            version.Questions.Add(question);
        }
        else
        {
            db.Set<AnswerOption>().RemoveRange(question.Options.ToList());
        }
        question.Text = input.Text!.Trim();
        question.AllowsMultiple = input.AllowsMultiple;
        question.Options = input.Options.Where(o => !string.IsNullOrWhiteSpace(o.Text))
            .Select((o, i) => new AnswerOption { Id = Guid.NewGuid(), QuestionId = question.Id, Order = i + 1, Text = o.Text.Trim(), IsCorrect = o.IsCorrect })
            .ToList();
        audit.Record("Question saved", "Course", course.Id, $"{course.Code} version {version.Number}: question {question.Order}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    public static List<FieldError> ValidateQuestion(QuestionInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(new("QuestionText", "Enter the question"));
        }
        var options = input.Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)).ToList();
        var correct = options.Count(o => o.IsCorrect);
        if (options.Count < 2)
        {
            errors.Add(new("Options", "Enter at least two answers"));
        }
        else if (correct == 0)
        {
            errors.Add(new("Options", "Mark at least one answer as correct"));
        }
        else if (!input.AllowsMultiple && correct > 1)
        {
            errors.Add(new("Options", "Mark only one answer as correct, or allow more than one answer"));
        }
        else if (input.AllowsMultiple && correct < 2)
        {
            errors.Add(new("Options", "A 'select all that apply' question needs at least two correct answers"));
        }
        return errors;
    }

    /// <summary>
    /// The version to change: the current one while nobody has learned from it, otherwise a new copy of it
    /// (lessons and questions included) that becomes current.
    /// </summary>
    private async Task<CourseVersion> VersionForEditAsync(Course course, CancellationToken cancellationToken)
    {
        var current = await db.Set<CourseVersion>()
            .Include(v => v.Lessons).Include(v => v.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery()
            .Where(v => v.CourseId == course.Id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        var inUse = await db.Set<TrainingRecord>().AnyAsync(r => r.CourseVersionId == current.Id, cancellationToken)
            || await db.Set<Enrolment>().AnyAsync(e => e.CourseVersionId == current.Id, cancellationToken);
        if (!inUse)
        {
            return current;
        }
        var copy = new CourseVersion
        {
            Id = Guid.NewGuid(), CourseId = course.Id, Number = current.Number + 1, CreatedAt = clock.GetUtcNow().UtcDateTime,
            Title = current.Title, Summary = current.Summary, LearningOutcomes = current.LearningOutcomes, Level = current.Level,
            DeliveryMode = current.DeliveryMode, DurationMinutes = current.DurationMinutes, ValidityMonths = current.ValidityMonths,
            RequiresApproval = current.RequiresApproval, Licence = current.Licence, Owner = current.Owner, ReviewDate = current.ReviewDate,
            AudienceSectorIds = [.. current.AudienceSectorIds], AudienceGroupIds = [.. current.AudienceGroupIds],
            PassMark = current.PassMark, MaxAttempts = current.MaxAttempts,
        };
        copy.Lessons = current.Lessons.Select(l => new Lesson { Id = Guid.NewGuid(), CourseVersionId = copy.Id, Order = l.Order, Title = l.Title, Body = l.Body }).ToList();
        copy.Questions = current.Questions.Select(q =>
        {
            var id = Guid.NewGuid();
            return new Question
            {
                Id = id, CourseVersionId = copy.Id, Order = q.Order, Text = q.Text, AllowsMultiple = q.AllowsMultiple,
                Options = q.Options.Select(o => new AnswerOption { Id = Guid.NewGuid(), QuestionId = id, Order = o.Order, Text = o.Text, IsCorrect = o.IsCorrect }).ToList(),
            };
        }).ToList();
        db.Set<CourseVersion>().Add(copy);
        audit.Record("Course version added", "Course", course.Id, $"{course.Code}: version {copy.Number} from version {current.Number}");
        return copy;
    }

    private Task<CourseVersion> CurrentVersionAsync(Guid courseId, CancellationToken cancellationToken) =>
        db.Set<CourseVersion>().Where(v => v.CourseId == courseId).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);

    private async Task<List<FieldError>> ValidateAsync(Guid? courseId, CourseInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var code = input.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(new("Code", "Enter a course code, like NEG-BASIC"));
        }
        else if (code.Length > 30 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add(new("Code", "Course code must be 30 characters or fewer, using only letters, numbers and hyphens"));
        }
        else if (courseId is null && await db.Set<Course>().AnyAsync(c => c.Code == code, cancellationToken))
        {
            errors.Add(new("Code", $"There is already a course with the code {code}"));
        }
        Require(input.Title, "Title", "Enter the course title", 200, errors);
        Require(input.Summary, "Summary", "Enter a summary of the course", 2000, errors);
        Require(input.LearningOutcomes, "LearningOutcomes", "Enter at least one learning outcome", 4000, errors);
        if (input.Level is null)
        {
            errors.Add(new("Level", "Select the course level"));
        }
        if (input.DeliveryMode is null)
        {
            errors.Add(new("DeliveryMode", "Select how the course is delivered"));
        }
        if (input.DurationMinutes is null or < 1 or > 10_000)
        {
            errors.Add(new("DurationMinutes", "Enter the duration in minutes, between 1 and 10,000"));
        }
        if (input.ValidityMonths is < 1 or > 120)
        {
            errors.Add(new("ValidityMonths", "Validity must be between 1 and 120 months, or left empty if it does not expire"));
        }
        if (input.PassMark is < 1 or > 100)
        {
            errors.Add(new("PassMark", "Pass mark must be a percentage between 1 and 100"));
        }
        if (input.MaxAttempts is < 1 or > 20)
        {
            errors.Add(new("MaxAttempts", "Attempts must be between 1 and 20, or left empty for no limit"));
        }
        if (courseId is { } id && input.PrerequisiteIds.Contains(id))
        {
            errors.Add(new("PrerequisiteIds", "A course cannot be its own prerequisite"));
        }
        else if (courseId is { } self && await LeadsBackAsync(self, input.PrerequisiteIds, cancellationToken))
        {
            errors.Add(new("PrerequisiteIds", "Those prerequisites would make a loop: one of them already needs this course"));
        }
        var known = await db.Set<Course>().CountAsync(c => input.PrerequisiteIds.Contains(c.Id), cancellationToken);
        if (known != input.PrerequisiteIds.Distinct().Count())
        {
            errors.Add(new("PrerequisiteIds", "Select prerequisites from the list"));
        }
        return errors;
    }

    /// <summary>True when any of the chosen prerequisites already requires <paramref name="courseId"/>, directly or through others.</summary>
    private async Task<bool> LeadsBackAsync(Guid courseId, IReadOnlyCollection<Guid> prerequisites, CancellationToken cancellationToken)
    {
        var edges = await db.Set<CoursePrerequisite>().AsNoTracking().ToListAsync(cancellationToken);
        var seen = new HashSet<Guid>();
        var stack = new Stack<Guid>(prerequisites);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (next == courseId)
            {
                return true;
            }
            if (seen.Add(next))
            {
                foreach (var edge in edges.Where(e => e.CourseId == next))
                {
                    stack.Push(edge.RequiredCourseId);
                }
            }
        }
        return false;
    }

    private static void Require(string? value, string field, string message, int max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new(field, $"Must be {max:N0} characters or fewer"));
        }
    }

    private static void Apply(CourseVersion version, CourseInput input)
    {
        version.Title = input.Title!.Trim();
        version.Summary = input.Summary!.Trim();
        version.LearningOutcomes = string.Join('\n', input.LearningOutcomes!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        version.Level = input.Level!.Value;
        version.DeliveryMode = input.DeliveryMode!.Value;
        version.DurationMinutes = input.DurationMinutes!.Value;
        version.ValidityMonths = input.ValidityMonths;
        version.RequiresApproval = input.RequiresApproval;
        version.Licence = input.Licence;
        version.Owner = string.IsNullOrWhiteSpace(input.Owner) ? null : input.Owner.Trim();
        version.ReviewDate = input.ReviewDate;
        version.AudienceSectorIds = input.SectorIds.Distinct().Order().ToList();
        version.AudienceGroupIds = input.GroupIds.Distinct().Order().ToList();
        version.PassMark = input.PassMark;
        version.MaxAttempts = input.MaxAttempts;
    }

    private void Changed() => CourseCatalogue.Invalidate(cache);
}

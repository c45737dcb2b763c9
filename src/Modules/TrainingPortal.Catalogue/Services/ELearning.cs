using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Services;

/// <summary>Where a learner is in a course.</summary>
public sealed record LearningProgress(
    string Code, string Title, Guid EnrolmentId, EnrolmentStatus Status, int LessonsCompleted, IReadOnlyList<string> LessonTitles,
    bool HasKnowledgeCheck, int? PassMark, int? MaxAttempts, int AttemptsUsed, Guid? OpenAttemptId, string? CertificateNumber)
{
    public bool LessonsDone => LessonsCompleted >= LessonTitles.Count;

    public int? AttemptsLeft => MaxAttempts is { } max ? Math.Max(0, max - AttemptsUsed) : null;

    /// <summary>The lesson to resume at (1-based), or null when every lesson is done.</summary>
    public int? ResumeLesson => LessonsDone ? null : LessonsCompleted + 1;
}

public sealed record LessonPage(LearningProgress Progress, int Number, string Title, string Body);

public sealed record AttemptQuestion(Guid Id, int Number, string Text, bool AllowsMultiple, IReadOnlyList<(Guid Id, string Text)> Options);

public sealed record AttemptPage(LearningProgress Progress, Guid AttemptId, int AttemptNumber, IReadOnlyList<AttemptQuestion> Questions);

/// <summary>An e-learning course someone has started and not finished, for "My learning".</summary>
public sealed record CourseInProgress(string Code, string Title, int LessonsCompleted, int LessonCount);

public sealed record AttemptResult(bool Passed, int ScorePercent, int PassMark, int? AttemptsLeft, string? CertificateNumber);

/// <summary>
/// E-learning: start or resume a course, work through its lessons in order, take the knowledge check (questions and
/// answers shuffled for each attempt) and, on passing, get a training record and certificate. Every call acts for the
/// signed-in person only; an attempt that is not theirs does not exist as far as they are concerned.
/// </summary>
public sealed class ELearning(PortalDbContext db, Learners learners, Qualifications qualifications, TrainingRecords records, TimeProvider clock)
{
    /// <summary>The e-learning courses the person has started and not yet finished.</summary>
    public async Task<IReadOnlyList<CourseInProgress>> InProgressAsync(Guid practitionerId, CancellationToken cancellationToken = default) =>
        await db.Set<Enrolment>().AsNoTracking()
            .Where(e => e.PractitionerId == practitionerId && e.Status == EnrolmentStatus.InProgress)
            .Join(db.Set<CourseVersion>(), e => e.CourseVersionId, v => v.Id, (e, v) => new { e, v })
            .Join(db.Set<Course>(), x => x.v.CourseId, c => c.Id, (x, c) => new CourseInProgress(c.Code, x.v.Title, x.e.LessonsCompleted,
                db.Set<Lesson>().Count(l => l.CourseVersionId == x.v.Id)))
            .ToListAsync(cancellationToken);

    /// <summary>Starts (or resumes) the course for the signed-in person. Refused with the missing courses' names when prerequisites are not met.</summary>
    public async Task<OperationResult<LearningProgress>> StartAsync(string code, CancellationToken cancellationToken = default)
    {
        var course = await db.Set<Course>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && c.Status == CourseStatus.Published, cancellationToken);
        if (course is null)
        {
            return OperationResult<LearningProgress>.Failed("", "That course is not available.");
        }
        var version = await db.Set<CourseVersion>().AsNoTracking().Where(v => v.CourseId == course.Id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        if (version.DeliveryMode != DeliveryMode.ELearning)
        {
            return OperationResult<LearningProgress>.Failed("", "That course is not e-learning: book a session instead.");
        }
        var practitioner = await learners.EnsureCurrentAsync(cancellationToken);
        var missing = await qualifications.MissingPrerequisitesAsync(practitioner, course.Id, cancellationToken);
        if (missing.Count > 0)
        {
            return OperationResult<LearningProgress>.Failed("", $"You need to complete {string.Join(" and ", missing.Select(m => m.Title))} first.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var inProgress = await db.Set<Enrolment>()
            .Where(e => e.PractitionerId == practitioner && e.Status == EnrolmentStatus.InProgress)
            .Join(db.Set<CourseVersion>().Where(v => v.CourseId == course.Id), e => e.CourseVersionId, v => v.Id, (e, v) => e)
            .FirstOrDefaultAsync(cancellationToken);
        if (inProgress is null)
        {
            var enrolment = await db.Set<Enrolment>().Include(e => e.Attempts).SingleOrDefaultAsync(e => e.PractitionerId == practitioner && e.CourseVersionId == version.Id, cancellationToken);
            if (enrolment is null)
            {
                db.Set<Enrolment>().Add(new Enrolment
                {
                    Id = Guid.NewGuid(), PractitionerId = practitioner, CourseVersionId = version.Id, Status = EnrolmentStatus.InProgress,
                    StartedAt = now, LastActivityAt = now,
                });
            }
            else
            {
                // Taking the course again (a refresher, or after running out of attempts): start afresh.
                db.Set<KnowledgeCheckAttempt>().RemoveRange(enrolment.Attempts);
                enrolment.Status = EnrolmentStatus.InProgress;
                enrolment.LessonsCompleted = 0;
                enrolment.StartedAt = now;
                enrolment.LastActivityAt = now;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return OperationResult<LearningProgress>.Ok((await ProgressAsync(code, cancellationToken))!);
    }

    /// <summary>The signed-in person's progress on the course, or null if they have not started it.</summary>
    public async Task<LearningProgress?> ProgressAsync(string code, CancellationToken cancellationToken = default)
    {
        var practitioner = await learners.FindCurrentAsync(cancellationToken);
        if (practitioner is null)
        {
            return null;
        }
        var enrolment = await db.Set<Enrolment>().AsNoTracking()
            .Where(e => e.PractitionerId == practitioner)
            .Join(db.Set<CourseVersion>(), e => e.CourseVersionId, v => v.Id, (e, v) => new { e, v })
            .Join(db.Set<Course>().Where(c => c.Code == code), x => x.v.CourseId, c => c.Id, (x, c) => x)
            .OrderBy(x => x.e.Status == EnrolmentStatus.InProgress ? 0 : 1).ThenByDescending(x => x.e.LastActivityAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return null;
        }
        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseVersionId == enrolment.v.Id).OrderBy(l => l.Order).Select(l => l.Title).ToListAsync(cancellationToken);
        var questions = await db.Set<Question>().CountAsync(q => q.CourseVersionId == enrolment.v.Id, cancellationToken);
        var attempts = await db.Set<KnowledgeCheckAttempt>().AsNoTracking().Where(a => a.EnrolmentId == enrolment.e.Id).ToListAsync(cancellationToken);
        var certificate = enrolment.e.Status == EnrolmentStatus.Completed
            ? await db.Set<TrainingRecord>().Where(r => r.PractitionerId == practitioner && r.CourseVersionId == enrolment.v.Id && r.Source == TrainingSource.ELearning)
                .OrderByDescending(r => r.CreatedAt).Select(r => r.CertificateNumber).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new LearningProgress(code, enrolment.v.Title, enrolment.e.Id, enrolment.e.Status, enrolment.e.LessonsCompleted, lessons,
            questions > 0 && enrolment.v.PassMark is not null, enrolment.v.PassMark, enrolment.v.MaxAttempts,
            attempts.Count(a => a.SubmittedAt != null), attempts.FirstOrDefault(a => a.SubmittedAt == null)?.Id, certificate);
    }

    /// <summary>Lesson <paramref name="number"/>, if the person has reached it.</summary>
    public async Task<LessonPage?> LessonAsync(string code, int number, CancellationToken cancellationToken = default)
    {
        var progress = await ProgressAsync(code, cancellationToken);
        if (progress is null || number < 1 || number > progress.LessonTitles.Count || number > progress.LessonsCompleted + 1)
        {
            return null;
        }
        var versionId = await db.Set<Enrolment>().Where(e => e.Id == progress.EnrolmentId).Select(e => e.CourseVersionId).SingleAsync(cancellationToken);
        var lesson = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseVersionId == versionId).OrderBy(l => l.Order).Skip(number - 1).FirstAsync(cancellationToken);
        return new LessonPage(progress, number, lesson.Title, lesson.Body);
    }

    /// <summary>
    /// Marks lesson <paramref name="number"/> as read. Finishing the last lesson of a course with no knowledge check
    /// completes it.
    /// </summary>
    public async Task<LearningProgress?> CompleteLessonAsync(string code, int number, CancellationToken cancellationToken = default)
    {
        var progress = await ProgressAsync(code, cancellationToken);
        if (progress is null || progress.Status != EnrolmentStatus.InProgress || number < 1 || number > progress.LessonTitles.Count || number > progress.LessonsCompleted + 1)
        {
            return null;
        }
        var enrolment = await db.Set<Enrolment>().SingleAsync(e => e.Id == progress.EnrolmentId, cancellationToken);
        enrolment.LessonsCompleted = Math.Max(enrolment.LessonsCompleted, number);
        enrolment.LastActivityAt = clock.GetUtcNow().UtcDateTime;
        if (enrolment.LessonsCompleted == progress.LessonTitles.Count && !progress.HasKnowledgeCheck)
        {
            enrolment.Status = EnrolmentStatus.Completed;
            await records.AddCompletionAsync(enrolment.PractitionerId, enrolment.CourseVersionId, Today, TrainingSource.ELearning, null, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await ProgressAsync(code, cancellationToken);
    }

    /// <summary>The open attempt, or a new one with questions and answers in a fresh random order.</summary>
    public async Task<OperationResult<AttemptPage>> StartAttemptAsync(string code, CancellationToken cancellationToken = default)
    {
        var progress = await ProgressAsync(code, cancellationToken);
        if (progress is null || !progress.HasKnowledgeCheck)
        {
            return OperationResult<AttemptPage>.Failed("", "There is no knowledge check to take.");
        }
        if (progress.Status != EnrolmentStatus.InProgress)
        {
            return OperationResult<AttemptPage>.Failed("", progress.Status == EnrolmentStatus.Completed
                ? "You have already passed this course."
                : "You have used all your attempts. Start the course again to have another go.");
        }
        if (!progress.LessonsDone)
        {
            return OperationResult<AttemptPage>.Failed("", "Finish every lesson before the knowledge check.");
        }
        if (progress.OpenAttemptId is { } open)
        {
            return OperationResult<AttemptPage>.Ok((await AttemptAsync(open, cancellationToken))!);
        }
        var enrolment = await db.Set<Enrolment>().SingleAsync(e => e.Id == progress.EnrolmentId, cancellationToken);
        var questions = await db.Set<Question>().AsNoTracking().Include(q => q.Options).Where(q => q.CourseVersionId == enrolment.CourseVersionId).ToListAsync(cancellationToken);
        var layout = Shuffle(questions).Select(q => new AttemptLayoutItem(q.Id, Shuffle(q.Options).Select(o => o.Id).ToList())).ToList();
        var attempt = new KnowledgeCheckAttempt
        {
            Id = Guid.NewGuid(), EnrolmentId = enrolment.Id, Number = progress.AttemptsUsed + 1,
            Layout = JsonSerializer.Serialize(layout), StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<KnowledgeCheckAttempt>().Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<AttemptPage>.Ok((await AttemptAsync(attempt.Id, cancellationToken))!);
    }

    /// <summary>An unsubmitted attempt of the signed-in person; null for anyone else's.</summary>
    public async Task<AttemptPage?> AttemptAsync(Guid attemptId, CancellationToken cancellationToken = default)
    {
        var owned = await OwnedAttemptAsync(attemptId, cancellationToken);
        if (owned is null || owned.Value.Attempt.SubmittedAt is not null)
        {
            return null;
        }
        var (attempt, code) = owned.Value;
        var progress = (await ProgressAsync(code, cancellationToken))!;
        var layout = JsonSerializer.Deserialize<List<AttemptLayoutItem>>(attempt.Layout)!;
        var questionIds = layout.Select(l => l.QuestionId).ToList();
        var questions = await db.Set<Question>().AsNoTracking().Include(q => q.Options).Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        var shown = layout.Select((item, index) =>
        {
            var question = questions[item.QuestionId];
            var options = item.OptionIds.Select(id => question.Options.Single(o => o.Id == id)).Select(o => (o.Id, o.Text)).ToList();
            return new AttemptQuestion(question.Id, index + 1, question.Text, question.AllowsMultiple, options);
        }).ToList();
        return new AttemptPage(progress, attempt.Id, attempt.Number, shown);
    }

    /// <summary>True when the attempt is the signed-in person's own, submitted or not.</summary>
    public async Task<bool> IsOwnAttemptAsync(Guid attemptId, CancellationToken cancellationToken = default) =>
        await OwnedAttemptAsync(attemptId, cancellationToken) is not null;

    /// <summary>
    /// Marks an attempt. Every question must be answered, with options belonging to that question. A question
    /// scores when exactly its correct options are chosen. Passing creates the training record.
    /// </summary>
    public async Task<OperationResult<AttemptResult>> SubmitAsync(Guid attemptId, IReadOnlyDictionary<Guid, IReadOnlyCollection<Guid>> answers, CancellationToken cancellationToken = default)
    {
        var page = await AttemptAsync(attemptId, cancellationToken);
        if (page is null)
        {
            return OperationResult<AttemptResult>.Failed("", "That attempt is not open. Start the knowledge check again.");
        }
        var errors = new List<FieldError>();
        foreach (var question in page.Questions)
        {
            var chosen = answers.TryGetValue(question.Id, out var c) ? c : [];
            if (chosen.Count == 0)
            {
                errors.Add(new($"q{question.Number}", $"Answer question {question.Number}"));
            }
            else if (chosen.Any(id => question.Options.All(o => o.Id != id)))
            {
                errors.Add(new($"q{question.Number}", $"Question {question.Number} has an answer that is not one of its options"));
            }
            else if (!question.AllowsMultiple && chosen.Count > 1)
            {
                errors.Add(new($"q{question.Number}", $"Choose one answer for question {question.Number}"));
            }
        }
        if (errors.Count > 0)
        {
            return OperationResult<AttemptResult>.Failed(errors);
        }
        var ids = page.Questions.Select(q => q.Id).ToList();
        var correctByQuestion = await db.Set<AnswerOption>().AsNoTracking().Where(o => ids.Contains(o.QuestionId) && o.IsCorrect)
            .GroupBy(o => o.QuestionId).ToDictionaryAsync(g => g.Key, g => g.Select(o => o.Id).ToHashSet(), cancellationToken);
        var right = page.Questions.Count(q => correctByQuestion.TryGetValue(q.Id, out var correct) && correct.SetEquals(answers[q.Id]));
        // Rounded down, so 2 of 3 (66.7%) does not reach a 67% pass mark.
        var score = 100 * right / page.Questions.Count;
        var passMark = page.Progress.PassMark ?? 100;
        var passed = score >= passMark;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only the first submission of an attempt counts, even if the form is sent twice at once.
        var marked = await db.Set<KnowledgeCheckAttempt>().Where(a => a.Id == attemptId && a.SubmittedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, now).SetProperty(a => a.ScorePercent, score).SetProperty(a => a.Passed, passed), cancellationToken);
        if (marked == 0)
        {
            return OperationResult<AttemptResult>.Failed("", "That attempt has already been marked.");
        }
        var enrolment = await db.Set<Enrolment>().Include(e => e.Attempts).SingleAsync(e => e.Id == page.Progress.EnrolmentId, cancellationToken);
        enrolment.LastActivityAt = now;
        string? certificate = null;
        if (passed)
        {
            enrolment.Status = EnrolmentStatus.Completed;
            certificate = (await records.AddCompletionAsync(enrolment.PractitionerId, enrolment.CourseVersionId, Today, TrainingSource.ELearning, score, cancellationToken)).CertificateNumber;
        }
        else if (page.Progress.MaxAttempts is { } max && enrolment.Attempts.Count(a => a.SubmittedAt != null || a.Id == attemptId) >= max)
        {
            enrolment.Status = EnrolmentStatus.OutOfAttempts;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var left = page.Progress.MaxAttempts is { } limit ? Math.Max(0, limit - page.Progress.AttemptsUsed - 1) : (int?)null;
        return OperationResult<AttemptResult>.Ok(new AttemptResult(passed, score, passMark, passed ? null : left, certificate));
    }

    private DateOnly Today => UkTime.Today(clock);

    private async Task<(KnowledgeCheckAttempt Attempt, string Code)?> OwnedAttemptAsync(Guid attemptId, CancellationToken cancellationToken)
    {
        var practitioner = await learners.FindCurrentAsync(cancellationToken);
        if (practitioner is null)
        {
            return null;
        }
        var found = await db.Set<KnowledgeCheckAttempt>().AsNoTracking().Where(a => a.Id == attemptId)
            .Join(db.Set<Enrolment>().Where(e => e.PractitionerId == practitioner), a => a.EnrolmentId, e => e.Id, (a, e) => new { a, e.CourseVersionId })
            .Join(db.Set<CourseVersion>(), x => x.CourseVersionId, v => v.Id, (x, v) => new { x.a, v.CourseId })
            .Join(db.Set<Course>(), x => x.CourseId, c => c.Id, (x, c) => new { x.a, c.Code })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.a, found.Code);
    }

    private static List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private sealed record AttemptLayoutItem(Guid QuestionId, List<Guid> OptionIds);
}

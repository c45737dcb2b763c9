using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Tests;

public sealed class ELearningTests : IDisposable
{
    private const string Code = "NEG-BASIC";
    private readonly CataloguePortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Lessons_must_be_done_in_order()
    {
        await CourseAsync(lessons: 3, questions: 0);
        var (user, _) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.InRequest(user, s => s.Learning.StartAsync(Code));
        await portal.InRequest(user, s => s.Learning.CompleteLessonAsync(Code, 1));

        var third = await portal.InRequest(user, s => s.Learning.LessonAsync(Code, 3));
        var skipAhead = await portal.InRequest(user, s => s.Learning.CompleteLessonAsync(Code, 3));
        var second = await portal.InRequest(user, s => s.Learning.LessonAsync(Code, 2));

        Assert.Null(third);
        Assert.Null(skipAhead);
        Assert.Equal("Lesson 2", second!.Title);
        var progress = await portal.InRequest(user, s => s.Learning.ProgressAsync(Code));
        Assert.Equal((1, 2, EnrolmentStatus.InProgress), (progress!.LessonsCompleted, progress.ResumeLesson, progress.Status));
    }

    [Fact]
    public async Task The_knowledge_check_is_refused_until_every_lesson_is_done()
    {
        await CourseAsync(lessons: 2, questions: 3);
        var (user, _) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.InRequest(user, s => s.Learning.StartAsync(Code));
        await portal.InRequest(user, s => s.Learning.CompleteLessonAsync(Code, 1));

        var attempt = await portal.InRequest(user, s => s.Learning.StartAttemptAsync(Code));

        Assert.Equal("Finish every lesson before the knowledge check.", Assert.Single(attempt.Errors).Message);
        Assert.Null((await portal.InRequest(user, s => s.Learning.ProgressAsync(Code)))!.OpenAttemptId);
    }

    [Fact]
    public async Task Each_attempt_asks_the_courses_questions_in_a_fresh_order()
    {
        var courseId = await CourseAsync(lessons: 1, questions: 8, passMark: 100);
        var questionIds = (await portal.InRequest(TestUser.Coordinator, s => s.Editor.QuestionsAsync(courseId))).Select(q => q.Id).Order().ToList();
        var (user, _) = await ReadyForCheckAsync();

        var first = await StartAttemptAsync(user);
        var orders = new List<List<Guid>> { first.Questions.Select(q => q.Id).ToList() };
        for (var attempt = 0; attempt < 5 && orders.All(o => o.SequenceEqual(orders[0])); attempt++)
        {
            var previous = await StartAttemptAsync(user);
            Assert.True((await SubmitAsync(user, previous, right: 0)).Succeeded);
            var next = await StartAttemptAsync(user);
            Assert.Equal(questionIds, next.Questions.Select(q => q.Id).Order());
            Assert.Equal(Enumerable.Range(1, 8), next.Questions.Select(q => q.Number));
            orders.Add(next.Questions.Select(q => q.Id).ToList());
        }

        Assert.Equal(questionIds, orders[0].Order());
        Assert.Contains(orders, o => !o.SequenceEqual(orders[0]));
    }

    [Theory]
    [InlineData(4, 80, true)]
    [InlineData(5, 80, true)]
    [InlineData(3, 80, false)]
    [InlineData(4, 81, false)]
    public async Task A_score_at_or_above_the_pass_mark_passes_and_below_it_fails(int right, int passMark, bool passes)
    {
        await CourseAsync(lessons: 1, questions: 5, passMark: passMark);
        var (user, _) = await ReadyForCheckAsync();
        var attempt = await StartAttemptAsync(user);

        var result = (await SubmitAsync(user, attempt, right)).Value!;

        Assert.Equal((passes, right * 20, passMark), (result.Passed, result.ScorePercent, result.PassMark));
        var status = (await portal.InRequest(user, s => s.Learning.ProgressAsync(Code)))!.Status;
        Assert.Equal(passes ? EnrolmentStatus.Completed : EnrolmentStatus.InProgress, status);
    }

    [Fact]
    public async Task A_score_just_below_the_pass_mark_fails_even_when_it_rounds_up_to_it()
    {
        await CourseAsync(lessons: 1, questions: 3, passMark: 67);
        var (user, _) = await ReadyForCheckAsync();
        var attempt = await StartAttemptAsync(user);

        var result = (await SubmitAsync(user, attempt, right: 2)).Value!;

        Assert.False(result.Passed);
    }

    [Fact]
    public async Task A_select_all_that_apply_question_scores_only_when_exactly_the_right_answers_are_chosen()
    {
        var input = CataloguePortal.Course(Code, "Neglect basic awareness");
        input.PassMark = 100;
        var multiple = new QuestionInput("Which may be signs of neglect? Select all that apply.", true,
            [("Right: poor hygiene", true), ("Right: missed appointments", true), ("Wrong: a new coat", false)]);
        await portal.CourseAsync(input, lessons: 1, questions: [multiple]);
        var (user, _) = await ReadyForCheckAsync();

        var scores = new List<int>();
        foreach (var choose in new Func<(Guid Id, string Text), bool>[]
        {
            o => o.Text == "Right: poor hygiene",
            o => true,
            o => o.Text.StartsWith("Right", StringComparison.Ordinal),
        })
        {
            var attempt = await StartAttemptAsync(user);
            var question = Assert.Single(attempt.Questions);
            var answers = new Dictionary<Guid, IReadOnlyCollection<Guid>> { [question.Id] = question.Options.Where(choose).Select(o => o.Id).ToList() };
            scores.Add((await portal.InRequest(user, s => s.Learning.SubmitAsync(attempt.AttemptId, answers))).Value!.ScorePercent);
        }

        Assert.Equal([0, 0, 100], scores);
    }

    [Fact]
    public async Task Unanswered_questions_are_each_reported_and_nothing_is_marked()
    {
        await CourseAsync(lessons: 1, questions: 3);
        var (user, _) = await ReadyForCheckAsync();
        var attempt = await StartAttemptAsync(user);
        var second = attempt.Questions[1];
        var answers = new Dictionary<Guid, IReadOnlyCollection<Guid>> { [second.Id] = [second.Options[0].Id], [attempt.Questions[2].Id] = [] };

        var result = await portal.InRequest(user, s => s.Learning.SubmitAsync(attempt.AttemptId, answers));

        Assert.Equal([("q1", "Answer question 1"), ("q3", "Answer question 3")], result.Errors.Select(e => (e.Field, e.Message)));
        var progress = await portal.InRequest(user, s => s.Learning.ProgressAsync(Code));
        Assert.Equal((0, attempt.AttemptId), (progress!.AttemptsUsed, progress.OpenAttemptId));
        Assert.NotNull(await portal.InRequest(user, s => s.Learning.AttemptAsync(attempt.AttemptId)));
    }

    [Fact]
    public async Task An_answer_taken_from_another_question_is_refused()
    {
        await CourseAsync(lessons: 1, questions: 2);
        var (user, _) = await ReadyForCheckAsync();
        var attempt = await StartAttemptAsync(user);
        var (first, second) = (attempt.Questions[0], attempt.Questions[1]);
        var answers = new Dictionary<Guid, IReadOnlyCollection<Guid>> { [first.Id] = [second.Options[0].Id], [second.Id] = [second.Options[0].Id] };

        var result = await portal.InRequest(user, s => s.Learning.SubmitAsync(attempt.AttemptId, answers));

        Assert.Equal("Question 1 has an answer that is not one of its options", Assert.Single(result.Errors).Message);
        Assert.Equal(0, (await portal.InRequest(user, s => s.Learning.ProgressAsync(Code)))!.AttemptsUsed);
    }

    [Fact]
    public async Task Submitting_the_same_attempt_twice_counts_once()
    {
        await CourseAsync(lessons: 1, questions: 2);
        var (user, nurse) = await ReadyForCheckAsync();
        var attempt = await StartAttemptAsync(user);

        var first = await SubmitAsync(user, attempt, right: 2);
        var again = await SubmitAsync(user, attempt, right: 2);

        Assert.True(first.Value!.Passed);
        Assert.False(again.Succeeded);
        Assert.Equal("That attempt is not open. Start the knowledge check again.", Assert.Single(again.Errors).Message);
        Assert.Equal(1, (await portal.InRequest(user, s => s.Learning.ProgressAsync(Code)))!.AttemptsUsed);
        Assert.Single(await portal.InRequest(user, s => s.Records.ForPractitionerAsync(nurse)));
    }

    [Fact]
    public async Task Failing_every_allowed_attempt_leaves_the_learner_out_of_attempts()
    {
        await CourseAsync(lessons: 1, questions: 2, passMark: 100, maxAttempts: 2);
        var (user, _) = await ReadyForCheckAsync();

        var first = (await SubmitAsync(user, await StartAttemptAsync(user), right: 1)).Value!;
        var second = (await SubmitAsync(user, await StartAttemptAsync(user), right: 1)).Value!;
        var third = await portal.InRequest(user, s => s.Learning.StartAttemptAsync(Code));

        Assert.Equal((false, 1), (first.Passed, first.AttemptsLeft));
        Assert.Equal((false, 0), (second.Passed, second.AttemptsLeft));
        Assert.Equal("You have used all your attempts. Start the course again to have another go.", Assert.Single(third.Errors).Message);
        var progress = await portal.InRequest(user, s => s.Learning.ProgressAsync(Code));
        Assert.Equal((EnrolmentStatus.OutOfAttempts, 2, 0), (progress!.Status, progress.AttemptsUsed, progress.AttemptsLeft));
        Assert.Null(progress.OpenAttemptId);
    }

    [Fact]
    public async Task Starting_the_course_again_after_running_out_of_attempts_gives_fresh_attempts()
    {
        await CourseAsync(lessons: 1, questions: 2, passMark: 100, maxAttempts: 1);
        var (user, _) = await ReadyForCheckAsync();
        await SubmitAsync(user, await StartAttemptAsync(user), right: 0);

        var restarted = await portal.InRequest(user, s => s.Learning.StartAsync(Code));

        Assert.Equal((EnrolmentStatus.InProgress, 0, 0, 1), (restarted.Value!.Status, restarted.Value.LessonsCompleted, restarted.Value.AttemptsUsed, restarted.Value.AttemptsLeft));
        await portal.InRequest(user, s => s.Learning.CompleteLessonAsync(Code, 1));
        Assert.True((await SubmitAsync(user, await StartAttemptAsync(user), right: 2)).Value!.Passed);
    }

    [Fact]
    public async Task Choosing_two_answers_to_a_single_answer_question_is_refused()
    {
        await CourseAsync(lessons: 1, questions: 1);
        var (user, _) = await ReadyForCheckAsync();
        var attempt = await StartAttemptAsync(user);
        var question = Assert.Single(attempt.Questions);
        var answers = new Dictionary<Guid, IReadOnlyCollection<Guid>> { [question.Id] = question.Options.Select(o => o.Id).ToList() };

        var result = await portal.InRequest(user, s => s.Learning.SubmitAsync(attempt.AttemptId, answers));

        Assert.Equal("Choose one answer for question 1", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task A_face_to_face_course_cannot_be_started_as_e_learning()
    {
        await portal.CourseAsync(CataloguePortal.Course("GCP2-PRAC", "GCP2 practitioner", DeliveryMode.FaceToFace));
        var (user, _) = await portal.LearnerAsync("Nia", "Hughes");

        var started = await portal.InRequest(user, s => s.Learning.StartAsync("GCP2-PRAC"));

        Assert.Equal("That course is not e-learning: book a session instead.", Assert.Single(started.Errors).Message);
    }

    [Fact]
    public async Task Passing_the_knowledge_check_gives_one_approved_record_with_the_score_expiry_and_certificate()
    {
        await CourseAsync(lessons: 2, questions: 5, passMark: 80, validityMonths: 24);
        var (user, nurse) = await ReadyForCheckAsync(lessons: 2);
        portal.Clock.Advance(TimeSpan.FromDays(3));

        var result = (await SubmitAsync(user, await StartAttemptAsync(user), right: 5)).Value!;

        Assert.True(result.Passed);
        var record = Assert.Single(await portal.InRequest(user, s => s.Records.ForPractitionerAsync(nurse)));
        Assert.Equal(
            (RecordStatus.Approved, TrainingSource.ELearning, 100, new DateOnly(2026, 6, 4), new DateOnly(2028, 6, 4), "Neglect basic awareness", 1),
            (record.Status, record.Source, record.ScorePercent!.Value, record.CompletedOn, record.ExpiresOn!.Value, record.CourseTitle, record.CourseVersion));
        Assert.Equal(result.CertificateNumber, record.CertificateNumber);
        Assert.Equal(record.CertificateNumber, CertificateNumbers.Normalise(record.CertificateNumber));
        var progress = await portal.InRequest(user, s => s.Learning.ProgressAsync(Code));
        Assert.Equal((EnrolmentStatus.Completed, record.CertificateNumber), (progress!.Status, progress.CertificateNumber));
        var again = await portal.InRequest(user, s => s.Learning.StartAttemptAsync(Code));
        Assert.Equal("You have already passed this course.", Assert.Single(again.Errors).Message);
    }

    [Fact]
    public async Task A_course_without_a_knowledge_check_is_completed_by_finishing_the_last_lesson()
    {
        await CourseAsync(lessons: 2, questions: 0, validityMonths: 12);
        var (user, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.InRequest(user, s => s.Learning.StartAsync(Code));

        var afterFirst = await portal.InRequest(user, s => s.Learning.CompleteLessonAsync(Code, 1));
        var afterLast = await portal.InRequest(user, s => s.Learning.CompleteLessonAsync(Code, 2));

        Assert.Equal(EnrolmentStatus.InProgress, afterFirst!.Status);
        Assert.Equal(EnrolmentStatus.Completed, afterLast!.Status);
        var record = Assert.Single(await portal.InRequest(user, s => s.Records.ForPractitionerAsync(nurse)));
        Assert.Equal((RecordStatus.Approved, (int?)null, new DateOnly(2027, 6, 1)), (record.Status, record.ScorePercent, record.ExpiresOn!.Value));
        Assert.Equal(record.CertificateNumber, afterLast.CertificateNumber);
    }

    [Fact]
    public async Task Somebody_elses_attempt_cannot_be_seen_or_submitted()
    {
        await CourseAsync(lessons: 1, questions: 2);
        var (nia, _) = await ReadyForCheckAsync();
        var (tom, tomsRecord) = await portal.LearnerAsync("Tom", "Reed");
        await portal.InRequest(tom, s => s.Learning.StartAsync(Code));
        var niasAttempt = await StartAttemptAsync(nia);
        var answers = niasAttempt.Questions.ToDictionary(q => q.Id, q => (IReadOnlyCollection<Guid>)[q.Options.Single(o => o.Text.StartsWith("Right", StringComparison.Ordinal)).Id]);

        var seen = await portal.InRequest(tom, s => s.Learning.AttemptAsync(niasAttempt.AttemptId));
        var submitted = await portal.InRequest(tom, s => s.Learning.SubmitAsync(niasAttempt.AttemptId, answers));

        Assert.Null(seen);
        Assert.False(submitted.Succeeded);
        Assert.Empty(await portal.InRequest(tom, s => s.Records.ForPractitionerAsync(tomsRecord)));
        Assert.NotNull(await portal.InRequest(nia, s => s.Learning.AttemptAsync(niasAttempt.AttemptId)));
        Assert.Equal(0, await portal.InRequest(nia, s => s.Db.Set<KnowledgeCheckAttempt>().CountAsync(a => a.SubmittedAt != null)));
    }

    private Task<Guid> CourseAsync(int lessons, int questions, int? passMark = 80, int? maxAttempts = null, int? validityMonths = null)
    {
        var input = CataloguePortal.Course(Code, "Neglect basic awareness");
        input.PassMark = questions > 0 ? passMark : null;
        input.MaxAttempts = maxAttempts;
        input.ValidityMonths = validityMonths;
        return portal.CourseAsync(input, lessons, CataloguePortal.Questions(questions));
    }

    /// <summary>A learner who has started the course and read every lesson.</summary>
    private async Task<(TestUser User, Guid PractitionerId)> ReadyForCheckAsync(int lessons = 1)
    {
        var learner = await portal.LearnerAsync("Nia", "Hughes");
        Assert.True((await portal.InRequest(learner.User, s => s.Learning.StartAsync(Code))).Succeeded);
        for (var number = 1; number <= lessons; number++)
        {
            Assert.NotNull(await portal.InRequest(learner.User, s => s.Learning.CompleteLessonAsync(Code, number)));
        }
        return learner;
    }

    private async Task<AttemptPage> StartAttemptAsync(TestUser user)
    {
        var attempt = await portal.InRequest(user, s => s.Learning.StartAttemptAsync(Code));
        Assert.True(attempt.Succeeded, string.Join("; ", attempt.Errors.Select(e => e.Message)));
        return attempt.Value!;
    }

    /// <summary>Answers the first <paramref name="right"/> questions as shown correctly and the rest wrongly.</summary>
    private Task<Core.Results.OperationResult<AttemptResult>> SubmitAsync(TestUser user, AttemptPage attempt, int right)
    {
        var answers = attempt.Questions.ToDictionary(q => q.Id, q => (IReadOnlyCollection<Guid>)
            [q.Options.First(o => o.Text.StartsWith(q.Number <= right ? "Right" : "Wrong", StringComparison.Ordinal)).Id]);
        return portal.InRequest(user, s => s.Learning.SubmitAsync(attempt.AttemptId, answers));
    }
}

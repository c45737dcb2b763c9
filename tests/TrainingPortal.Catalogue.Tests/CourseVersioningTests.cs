using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Tests;

public sealed class CourseVersioningTests : IDisposable
{
    private readonly CataloguePortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Editing_a_draft_course_changes_version_1_in_place()
    {
        var id = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness"), lessons: 1, publish: false);

        var changed = await Edit(id, "Recognising neglect");

        Assert.True(changed.Succeeded);
        var versions = await Versions(id);
        var only = Assert.Single(versions);
        Assert.Equal((1, "Recognising neglect"), (only.Number, only.Title));
    }

    [Fact]
    public async Task Editing_a_published_course_nobody_has_taken_changes_it_in_place()
    {
        var id = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness"), lessons: 1);

        await Edit(id, "Recognising neglect");
        await portal.InRequest(TestUser.Coordinator, s => s.Editor.SaveLessonAsync(id, 1, "Lesson 1 revised", "New content"));

        var only = Assert.Single(await Versions(id));
        Assert.Equal("Recognising neglect", only.Title);
        Assert.Equal("Lesson 1 revised", Assert.Single(only.Lessons).Title);
    }

    [Fact]
    public async Task Changing_the_details_of_a_course_somebody_completed_adds_version_2_and_the_record_keeps_version_1()
    {
        var prerequisite = await portal.CourseAsync(CataloguePortal.Course("NEG-AWARE", "Neglect awareness"), lessons: 1);
        var input = CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness");
        input.PrerequisiteIds = [prerequisite];
        var id = await portal.CourseAsync(input, lessons: 2, questions: CataloguePortal.Questions(2));
        var nurse = await portal.LearnerAsync("Nia", "Hughes");
        var record = await portal.CompletedAsync(nurse.PractitionerId, id, portal.Today);
        Assert.Contains(await portal.InRequest(nurse.User, s => s.Catalogue.PublishedAsync()), c => c.Title == "Neglect basic awareness");

        var changed = await Edit(id, "Recognising and responding to neglect", prerequisite);

        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors.Select(e => e.Message)));
        var versions = await Versions(id);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal("Neglect basic awareness", versions[0].Title);
        Assert.Equal("Recognising and responding to neglect", versions[1].Title);
        Assert.Equal(["Lesson 1", "Lesson 2"], versions[1].Lessons.OrderBy(l => l.Order).Select(l => l.Title));
        Assert.Equal(2, versions[1].Questions.Count);
        Assert.All(versions[1].Questions, q => Assert.Equal(3, q.Options.Count));
        var mine = Assert.Single(await portal.InRequest(TestUser.Coordinator, s => s.Records.ForPractitionerAsync(nurse.PractitionerId)));
        Assert.Equal(record.Id, mine.Id);
        Assert.Equal((1, "Neglect basic awareness"), (mine.CourseVersion, mine.CourseTitle));
        var card = Assert.Single(await portal.InRequest(nurse.User, s => s.Catalogue.SearchAsync(new CatalogueFilter(Keyword: "responding"))));
        Assert.Equal("Recognising and responding to neglect", card.Title);
        var detail = await portal.InRequest(TestUser.Coordinator, s => s.Catalogue.GetAsync("NEG-BASIC", includeUnpublished: false));
        Assert.Equal(2, detail!.Version);
        Assert.Equal("Neglect awareness", Assert.Single(detail.Prerequisites).Title);
    }

    [Fact]
    public async Task Changing_a_lesson_of_a_course_somebody_has_started_adds_version_2_and_the_learner_keeps_version_1()
    {
        var id = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness"), lessons: 3);
        var (user, _) = await portal.LearnerAsync("Nia", "Hughes");
        Assert.True((await portal.InRequest(user, s => s.Learning.StartAsync("NEG-BASIC"))).Succeeded);

        var saved = await portal.InRequest(TestUser.Coordinator, s => s.Editor.SaveLessonAsync(id, 2, "Lesson 2 revised", "Learning from a recent case review"));

        Assert.True(saved.Succeeded);
        var versions = await Versions(id);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(["Lesson 1", "Lesson 2", "Lesson 3"], versions[0].Lessons.OrderBy(l => l.Order).Select(l => l.Title));
        Assert.Contains(versions[1].Lessons, l => l.Title == "Lesson 2 revised");
        var learnerSees = await portal.InRequest(user, s => s.Learning.LessonAsync("NEG-BASIC", 1));
        Assert.Equal("Lesson 1", learnerSees!.Title);
        Assert.Equal(["Lesson 1", "Lesson 2", "Lesson 3"], learnerSees.Progress.LessonTitles);
    }

    [Fact]
    public async Task Changing_a_lesson_of_a_course_somebody_has_started_replaces_that_lesson_in_version_2()
    {
        var id = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness"), lessons: 3);
        var (user, _) = await portal.LearnerAsync("Nia", "Hughes");
        Assert.True((await portal.InRequest(user, s => s.Learning.StartAsync("NEG-BASIC"))).Succeeded);

        await portal.InRequest(TestUser.Coordinator, s => s.Editor.SaveLessonAsync(id, 2, "Lesson 2 revised", "Learning from a recent case review"));

        var current = await portal.InRequest(TestUser.Coordinator, s => s.Editor.LessonsAsync(id));
        Assert.Equal([(1, "Lesson 1"), (2, "Lesson 2 revised"), (3, "Lesson 3")], current.Select(l => (l.Order, l.Title)));
        Assert.Equal("Learning from a recent case review", current[1].Body);
    }

    [Fact]
    public async Task Changing_a_question_of_a_course_somebody_completed_adds_version_2_and_leaves_version_1_alone()
    {
        var id = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness"), lessons: 1, questions: CataloguePortal.Questions(3));
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.CompletedAsync(nurse, id, portal.Today);

        var saved = await portal.InRequest(TestUser.Coordinator, s => s.Editor.SaveQuestionAsync(id, 3,
            new QuestionInput("Which of these may be neglect?", false, [("Missed health appointments", true), ("A tidy home", false)])));

        Assert.True(saved.Succeeded);
        var versions = await Versions(id);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(["Question 1: which is a sign of neglect?", "Question 2: which is a sign of neglect?", "Question 3: which is a sign of neglect?"],
            versions[0].Questions.OrderBy(q => q.Order).Select(q => q.Text));
        Assert.Contains(versions[1].Questions, q => q.Text == "Which of these may be neglect?");
    }

    [Fact]
    public async Task Changing_a_question_of_a_course_somebody_completed_replaces_that_question_in_version_2()
    {
        var id = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness"), lessons: 1, questions: CataloguePortal.Questions(3));
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.CompletedAsync(nurse, id, portal.Today);

        await portal.InRequest(TestUser.Coordinator, s => s.Editor.SaveQuestionAsync(id, 3,
            new QuestionInput("Which of these may be neglect?", false, [("Missed health appointments", true), ("A tidy home", false)])));

        var current = await portal.InRequest(TestUser.Coordinator, s => s.Editor.QuestionsAsync(id));
        Assert.Equal(["Question 1: which is a sign of neglect?", "Question 2: which is a sign of neglect?", "Which of these may be neglect?"], current.Select(q => q.Text));
        Assert.Equal(["Missed health appointments", "A tidy home"], current[2].Options.Select(o => o.Text));
    }

    [Fact]
    public async Task Adding_a_lesson_to_a_course_somebody_completed_puts_it_after_the_copied_lessons()
    {
        var id = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness"), lessons: 2);
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.CompletedAsync(nurse, id, portal.Today);

        await portal.InRequest(TestUser.Coordinator, s => s.Editor.SaveLessonAsync(id, null, "Lesson 3", "Adolescent neglect"));

        var current = await portal.InRequest(TestUser.Coordinator, s => s.Editor.LessonsAsync(id));
        Assert.Equal([(1, "Lesson 1"), (2, "Lesson 2"), (3, "Lesson 3")], current.Select(l => (l.Order, l.Title)));
    }

    [Fact]
    public async Task A_second_change_to_a_course_edits_version_2_rather_than_adding_version_3()
    {
        var id = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness"), lessons: 1);
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.CompletedAsync(nurse, id, portal.Today);

        await Edit(id, "First change");
        await Edit(id, "Second change");

        Assert.Equal([(1, "Neglect basic awareness"), (2, "Second change")], (await Versions(id)).Select(v => (v.Number, v.Title)));
    }

    private Task<Core.Results.OperationResult> Edit(Guid id, string title, params Guid[] prerequisites)
    {
        var input = CataloguePortal.Course("NEG-BASIC", title);
        input.PrerequisiteIds = [.. prerequisites];
        return portal.InRequest(TestUser.Coordinator, s => s.Editor.UpdateAsync(id, input));
    }

    private Task<List<CourseVersion>> Versions(Guid courseId) =>
        portal.InRequest(TestUser.Coordinator, s => s.Db.Set<CourseVersion>().AsNoTracking()
            .Include(v => v.Lessons).Include(v => v.Questions).ThenInclude(q => q.Options)
            .Where(v => v.CourseId == courseId).OrderBy(v => v.Number).ToListAsync());
}

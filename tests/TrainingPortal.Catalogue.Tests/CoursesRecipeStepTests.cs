using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Recipes;

namespace TrainingPortal.Catalogue.Tests;

public sealed class CoursesRecipeStepTests : IDisposable
{
    private readonly CataloguePortal portal = new();

    public CoursesRecipeStepTests()
    {
        using var db = portal.Database.CreateContext();
        foreach (var (name, order) in new[] { ("Education", 2), ("Police", 3), ("Children's Social Care", 4) })
        {
            db.Add(new Sector { Name = name, Order = order });
        }
        for (var group = 1; group <= 4; group++)
        {
            db.Add(new WorkforceGroup { Code = $"G{group}", Name = $"Group {group}", Order = group });
        }
        db.SaveChanges();
    }

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_shipped_neglect_curriculum_creates_every_course_with_its_prerequisites()
    {
        var step = CurriculumStep();
        var expected = step.GetProperty("courses").EnumerateArray().ToDictionary(
            c => c.GetProperty("code").GetString()!,
            c => c.TryGetProperty("prerequisites", out var p) ? p.EnumerateArray().Select(x => x.GetString()!).Order().ToList() : []);

        var log = await ApplyAsync(step);

        await using var db = portal.Database.CreateContext();
        var courses = await db.Set<Course>().AsNoTracking().Include(c => c.Prerequisites).ToListAsync();
        var codes = courses.ToDictionary(c => c.Id, c => c.Code);
        Assert.Equal(expected.Keys.Order(), courses.Select(c => c.Code).Order());
        foreach (var course in courses)
        {
            Assert.Equal(expected[course.Code], course.Prerequisites.Select(p => codes[p.RequiredCourseId]).Order().ToList());
        }
        Assert.Contains(courses.Single(c => c.Code == "NEG-ADV").Prerequisites, p => codes[p.RequiredCourseId] == "NEG-BASIC");
        Assert.Equal($"Courses: {expected.Count} added", Assert.Single(log));
        var published = await new CourseCatalogue(db, portal.Cache).PublishedAsync();
        Assert.Equal(expected.Count, published.Count);
    }

    [Fact]
    public async Task The_shipped_basic_course_is_e_learning_with_a_knowledge_check_of_at_least_ten_valid_questions()
    {
        await ApplyAsync(CurriculumStep());

        await using var db = portal.Database.CreateContext();
        var course = await db.Set<Course>().SingleAsync(c => c.Code == "NEG-BASIC");
        var version = await db.Set<CourseVersion>().AsNoTracking().Include(v => v.Lessons).Include(v => v.Questions).ThenInclude(q => q.Options)
            .SingleAsync(v => v.CourseId == course.Id);
        Assert.Equal(DeliveryMode.ELearning, version.DeliveryMode);
        Assert.NotEmpty(version.Lessons);
        Assert.NotNull(version.PassMark);
        Assert.True(version.Questions.Count >= 10, $"NEG-BASIC has {version.Questions.Count} questions");
        Assert.All(version.Questions, q => Assert.Empty(CourseEditor.ValidateQuestion(
            new QuestionInput(q.Text, q.AllowsMultiple, q.Options.Select(o => (o.Text, o.IsCorrect)).ToList()))));
        var groups = await db.Set<WorkforceGroup>().Where(g => version.AudienceGroupIds.Contains(g.Id)).Select(g => g.Code).OrderBy(c => c).ToListAsync();
        Assert.Equal(["G1", "G2", "G3", "G4"], groups);
    }

    [Fact]
    public async Task Applying_the_shipped_curriculum_twice_adds_nothing_the_second_time()
    {
        var step = CurriculumStep();
        await ApplyAsync(step);
        var counts = await CountsAsync();

        var log = await ApplyAsync(step);

        Assert.Equal(counts, await CountsAsync());
        Assert.Equal("Courses: 0 added", Assert.Single(log));
    }

    [Fact]
    public async Task A_course_already_in_the_catalogue_is_left_as_it_is()
    {
        var existing = await portal.CourseAsync(CataloguePortal.Course("NEG-BASIC", "Our own basic course", DeliveryMode.FaceToFace));

        await ApplyAsync(CurriculumStep());

        var detail = await portal.InRequest(TestUser.Coordinator, s => s.Catalogue.GetAsync("NEG-BASIC", includeUnpublished: true));
        Assert.Equal((existing, "Our own basic course", 1), (detail!.Course.Id, detail.Course.Title, detail.Version));
    }

    private async Task<List<string>> ApplyAsync(JsonElement json)
    {
        await using var db = portal.Database.CreateContext();
        var type = typeof(CourseEditor).Assembly.GetType("TrainingPortal.Catalogue.Recipes.CoursesRecipeStep")!;
        var step = (IRecipeStep)Activator.CreateInstance(type, db, portal.Cache, (TimeProvider)portal.Clock)!;
        var context = new RecipeContext { RecipeName = "neglect-curriculum" };
        await step.ExecuteAsync(json, context, CancellationToken.None);
        return context.Log;
    }

    private async Task<(int Courses, int Versions, int Lessons, int Questions, int Options, int Prerequisites)> CountsAsync()
    {
        await using var db = portal.Database.CreateContext();
        return (await db.Set<Course>().CountAsync(), await db.Set<CourseVersion>().CountAsync(), await db.Set<Lesson>().CountAsync(),
            await db.Set<Question>().CountAsync(), await db.Set<AnswerOption>().CountAsync(), await db.Set<CoursePrerequisite>().CountAsync());
    }

    private static JsonElement CurriculumStep()
    {
        var path = Path.Combine(RepositoryRoot(), "content-recipes", "neglect-curriculum.recipe.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Courses").Clone();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrainingPortal.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("TrainingPortal.sln was not found above the test's folder.");
    }
}

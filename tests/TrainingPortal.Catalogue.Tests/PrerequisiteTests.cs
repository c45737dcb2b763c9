using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Tests;

public sealed class PrerequisiteTests : IDisposable
{
    private readonly CataloguePortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Missing_prerequisites_are_reported_by_title()
    {
        var (basic, threshold, advanced) = await CoursesAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");

        var missing = await portal.InRequest(TestUser.Coordinator, s => s.Qualifications.MissingPrerequisitesAsync(nurse, advanced));

        Assert.Equal(["Neglect basic awareness", "Thresholds of need"], missing.Select(m => m.Title).Order());
        Assert.Equal([basic, threshold], missing.OrderBy(m => m.Title).Select(m => m.CourseId));
    }

    [Fact]
    public async Task A_valid_record_satisfies_a_prerequisite()
    {
        var (basic, threshold, advanced) = await CoursesAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.CompletedAsync(nurse, basic, portal.Today.AddMonths(-6));

        var missing = await portal.InRequest(TestUser.Coordinator, s => s.Qualifications.MissingPrerequisitesAsync(nurse, advanced));

        Assert.Equal("Thresholds of need", Assert.Single(missing).Title);
    }

    [Fact]
    public async Task An_expired_record_does_not_satisfy_a_prerequisite()
    {
        var (basic, _, advanced) = await CoursesAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        // Basic is valid for 36 months: completed 37 months ago it has expired.
        await portal.CompletedAsync(nurse, basic, portal.Today.AddMonths(-37));

        var missing = await portal.InRequest(TestUser.Coordinator, s => s.Qualifications.MissingPrerequisitesAsync(nurse, advanced));

        Assert.Contains(missing, m => m.Title == "Neglect basic awareness");
    }

    [Fact]
    public async Task Starting_e_learning_without_its_prerequisites_is_refused_with_their_titles()
    {
        await CoursesAsync();
        var (user, _) = await portal.LearnerAsync("Nia", "Hughes");

        var started = await portal.InRequest(user, s => s.Learning.StartAsync("NEG-ADV"));

        Assert.False(started.Succeeded);
        Assert.Contains("Neglect basic awareness", started.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Thresholds of need", started.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_training_awaiting_approval_does_not_satisfy_a_prerequisite()
    {
        var (basic, threshold, advanced) = await CoursesAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.CompletedAsync(nurse, threshold, portal.Today);
        await RecordExternalAsync(nurse, basic);

        var missing = await portal.InRequest(TestUser.Coordinator, s => s.Qualifications.MissingPrerequisitesAsync(nurse, advanced));

        Assert.Equal("Neglect basic awareness", Assert.Single(missing).Title);
    }

    [Fact]
    public async Task Rejected_external_training_does_not_satisfy_a_prerequisite()
    {
        var (basic, threshold, advanced) = await CoursesAsync();
        var (_, nurse) = await portal.LearnerAsync("Nia", "Hughes");
        await portal.CompletedAsync(nurse, threshold, portal.Today);
        var record = await RecordExternalAsync(nurse, basic);
        var rejected = await portal.InRequest(TestUser.Coordinator, s => s.Records.DecideAsync(record, approve: false, "The certificate is for a different course"));

        var missing = await portal.InRequest(TestUser.Coordinator, s => s.Qualifications.MissingPrerequisitesAsync(nurse, advanced));

        Assert.True(rejected.Succeeded);
        Assert.Equal("Neglect basic awareness", Assert.Single(missing).Title);
    }

    [Fact]
    public async Task A_course_cannot_require_itself()
    {
        var (basic, _, _) = await CoursesAsync();
        var input = CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness");
        input.PrerequisiteIds = [basic];

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Editor.UpdateAsync(basic, input));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("PrerequisiteIds", "A course cannot be its own prerequisite"), (error.Field, error.Message));
    }

    [Fact]
    public async Task Making_a_prerequisite_need_the_course_that_needs_it_is_refused_as_a_loop()
    {
        var (basic, _, advanced) = await CoursesAsync();
        var input = CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness");
        input.PrerequisiteIds = [advanced];

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Editor.UpdateAsync(basic, input));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("PrerequisiteIds", "Those prerequisites would make a loop: one of them already needs this course"), (error.Field, error.Message));
        var detail = await portal.InRequest(TestUser.Coordinator, s => s.Catalogue.GetAsync("NEG-BASIC", includeUnpublished: true));
        Assert.Empty(detail!.Prerequisites);
    }

    [Fact]
    public async Task A_loop_through_a_course_in_between_is_refused_too()
    {
        var (basic, _, advanced) = await CoursesAsync();
        var champion = CataloguePortal.Course("CHAMP-IND", "Neglect champion induction");
        champion.PrerequisiteIds = [advanced];
        var championId = await portal.CourseAsync(champion, lessons: 1);
        var input = CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness");
        input.PrerequisiteIds = [championId];

        var result = await portal.InRequest(TestUser.Coordinator, s => s.Editor.UpdateAsync(basic, input));

        Assert.Equal("Those prerequisites would make a loop: one of them already needs this course", Assert.Single(result.Errors).Message);
    }

    /// <summary>Basic (valid 36 months) and Thresholds, both needed for Advanced.</summary>
    private async Task<(Guid Basic, Guid Threshold, Guid Advanced)> CoursesAsync()
    {
        var basicInput = CataloguePortal.Course("NEG-BASIC", "Neglect basic awareness");
        basicInput.ValidityMonths = 36;
        var basic = await portal.CourseAsync(basicInput, lessons: 1);
        var threshold = await portal.CourseAsync(CataloguePortal.Course("THRESH", "Thresholds of need"), lessons: 1);
        var advancedInput = CataloguePortal.Course("NEG-ADV", "Advanced neglect");
        advancedInput.PrerequisiteIds = [basic, threshold];
        var advanced = await portal.CourseAsync(advancedInput, lessons: 1);
        return (basic, threshold, advanced);
    }

    private Task<Guid> RecordExternalAsync(Guid practitioner, Guid course) =>
        portal.InRequest(TestUser.Coordinator, async s =>
        {
            var input = new ExternalTrainingInput { CourseId = course, CompletedOn = portal.Today.AddDays(-10), Provider = "County council", Reason = "Equivalent course" };
            var result = await s.Records.RecordExternalAsync(portal.Health, practitioner, input, null);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value;
        });
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Courses;

[Authorize(Policy = Permissions.Learn)]
public class DetailsModel(CourseCatalogue catalogue, Learners learners, Qualifications qualifications, ELearning learning, CourseResources resources, IServiceProvider services) : PageModel
{
    public CourseDetail Course { get; private set; } = null!;

    public IReadOnlyList<MissingPrerequisite> Missing { get; private set; } = [];

    public LearningProgress? Progress { get; private set; }

    /// <summary>Null when no module provides sessions.</summary>
    public IReadOnlyList<UpcomingSession>? Sessions { get; private set; }

    public IReadOnlyList<ResourceSummary> Resources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) => await LoadAsync(code, cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(string code, CancellationToken cancellationToken)
    {
        var result = await learning.StartAsync(code, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(code, cancellationToken);
        }
        return Redirect($"/learn/{result.Value!.Code}");
    }

    private async Task<IActionResult> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var course = await catalogue.GetAsync(code, includeUnpublished: false, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }
        Course = course;
        if (await learners.FindCurrentAsync(cancellationToken) is { } practitioner)
        {
            Missing = await qualifications.MissingPrerequisitesAsync(practitioner, course.Course.Id, cancellationToken);
            Progress = await learning.ProgressAsync(course.Course.Code, cancellationToken);
        }
        else
        {
            Missing = course.Prerequisites.Select(p => new MissingPrerequisite(p.CourseId, p.Code, p.Title)).ToList();
        }
        if (services.GetService(typeof(ICourseSessions)) is ICourseSessions sessions)
        {
            Sessions = await sessions.UpcomingAsync(course.Course.Id, cancellationToken);
        }
        Resources = await resources.VisibleAsync(course.Course.Id, cancellationToken);
        return Page();
    }
}

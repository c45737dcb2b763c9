using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Courses;

/// <summary>Downloads a course file; licensed-only files answer 404 to anyone not licensed, so their existence is not revealed.</summary>
[Authorize(Policy = Permissions.Learn)]
public class ResourceModel(CourseCatalogue catalogue, CourseResources resources) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        var course = await catalogue.GetAsync(code, includeUnpublished: false, cancellationToken);
        var resource = course is null ? null : await resources.OpenAsync(course.Course.Id, id, cancellationToken);
        return resource is null ? NotFound() : File(resource.Content, resource.ContentType, resource.FileName);
    }
}

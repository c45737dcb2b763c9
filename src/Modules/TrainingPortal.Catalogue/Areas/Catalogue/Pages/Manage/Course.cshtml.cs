using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Manage;

[Authorize(Policy = Permissions.ManageCourses)]
public class CourseModel(CourseCatalogue catalogue, CourseEditor editor, CourseResources resources) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? ResourceTitle { get; set; }

    [BindProperty]
    public IFormFile? ResourceFile { get; set; }

    [BindProperty]
    public bool LicensedOnly { get; set; }

    public CourseDetail Course { get; private set; } = null!;

    public IReadOnlyList<Lesson> Lessons { get; private set; } = [];

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyList<ResourceSummary> Resources { get; private set; } = [];

    public static string Licence(CourseLicence licence) => licence switch
    {
        CourseLicence.Gcp2Practitioner => "GCP2 practitioner: may use the Graded Care Profile 2",
        CourseLicence.Gcp2Trainer => "GCP2 trainer: may deliver GCP2 practitioner training",
        _ => "None",
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes / (1024.0 * 1024):0.0} MB",
    };

    /// <summary>The first error for a field written without a tag helper.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetFileAsync(Guid resourceId, CancellationToken cancellationToken)
    {
        var resource = await resources.OpenAsync(Id, resourceId, cancellationToken);
        return resource is null ? NotFound() : File(resource.Content, resource.ContentType, resource.FileName);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var result = await editor.PublishAsync(Id, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = "Course published. Practitioners can now find it in the catalogue.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken cancellationToken)
    {
        await editor.RetireAsync(Id, cancellationToken);
        TempData["Success"] = "Course retired. It is no longer in the catalogue; records people earned on it are kept.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostResourceAsync(CancellationToken cancellationToken)
    {
        if (await catalogue.GetByIdAsync(Id, cancellationToken) is null)
        {
            return NotFound();
        }
        if (ResourceFile is null)
        {
            ModelState.AddModelError(nameof(ResourceFile), "Select a file");
        }
        else if (ResourceFile.Length > CourseResources.MaxBytes)
        {
            ModelState.AddModelError(nameof(ResourceFile), "The file must be smaller than 20 MB");
        }
        if (!ModelState.IsValid)
        {
            if (string.IsNullOrWhiteSpace(ResourceTitle))
            {
                ModelState.AddModelError(nameof(ResourceTitle), "Enter a title for the file");
            }
            return await LoadAsync(cancellationToken);
        }
        using var content = new MemoryStream();
        await ResourceFile!.CopyToAsync(content, cancellationToken);
        var result = await resources.AddAsync(Id, ResourceTitle, ResourceFile.FileName, content.ToArray(), LicensedOnly, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = $"{ResourceTitle!.Trim()} has been added.";
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var course = await catalogue.GetByIdAsync(Id, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }
        Course = course;
        Lessons = await editor.LessonsAsync(Id, cancellationToken);
        Questions = await editor.QuestionsAsync(Id, cancellationToken);
        Resources = await resources.VisibleAsync(Id, cancellationToken);
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Manage;

/// <summary>Adds a lesson (<c>/lessons/new</c>) or changes one (<c>/lessons/{order}</c>), with a preview that saves nothing.</summary>
[Authorize(Policy = Permissions.ManageCourses)]
public class LessonModel(CourseCatalogue catalogue, CourseEditor editor, LessonRenderer renderer) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public int? Order { get; set; }

    [BindProperty]
    public string? LessonTitle { get; set; }

    [BindProperty]
    public string? LessonBody { get; set; }

    public string CourseTitle { get; private set; } = "";

    /// <summary>The body as learners will see it, after "Preview".</summary>
    public IHtmlContent? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCourseAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Order is { } order)
        {
            var lesson = (await editor.LessonsAsync(Id, cancellationToken)).FirstOrDefault(l => l.Order == order);
            if (lesson is null)
            {
                return NotFound();
            }
            LessonTitle = lesson.Title;
            LessonBody = lesson.Body;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCourseAsync(cancellationToken))
        {
            return NotFound();
        }
        var result = await editor.SaveLessonAsync(Id, Order, LessonTitle, LessonBody, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        TempData["Success"] = $"Lesson saved: {LessonTitle!.Trim()}.";
        return Redirect($"/catalogue/courses/{Id}");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCourseAsync(cancellationToken))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(LessonBody))
        {
            ModelState.AddModelError(nameof(LessonBody), "Enter the lesson's content to preview it");
        }
        else
        {
            Preview = renderer.Render(LessonBody);
        }
        return Page();
    }

    private async Task<bool> LoadCourseAsync(CancellationToken cancellationToken)
    {
        var course = await catalogue.GetByIdAsync(Id, cancellationToken);
        CourseTitle = course?.Course.Title ?? "";
        return course is not null;
    }
}

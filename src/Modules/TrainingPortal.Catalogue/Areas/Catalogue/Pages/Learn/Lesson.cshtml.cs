using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Learn;

[Authorize(Policy = Permissions.Learn)]
public class LessonModel(ELearning learning) : PageModel
{
    public LessonPage Lesson { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int number, CancellationToken cancellationToken)
    {
        var lesson = await learning.LessonAsync(code, number, cancellationToken);
        if (lesson is null)
        {
            // Not started, or skipping ahead: go back to the course's progress page.
            return Redirect($"/learn/{Uri.EscapeDataString(code)}");
        }
        Lesson = lesson;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int number, CancellationToken cancellationToken)
    {
        var progress = await learning.CompleteLessonAsync(code, number, cancellationToken);
        if (progress is null)
        {
            return Redirect($"/learn/{Uri.EscapeDataString(code)}");
        }
        if (progress.Status == EnrolmentStatus.Completed)
        {
            TempData["Success"] = "You have completed the course.";
            return Redirect($"/learn/{Uri.EscapeDataString(code)}");
        }
        return Redirect(number < progress.LessonTitles.Count ? $"/learn/{Uri.EscapeDataString(code)}/lessons/{number + 1}" : $"/learn/{Uri.EscapeDataString(code)}/check");
    }
}

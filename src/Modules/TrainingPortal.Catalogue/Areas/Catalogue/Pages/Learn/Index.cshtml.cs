using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Learn;

[Authorize(Policy = Permissions.Learn)]
public class IndexModel(ELearning learning) : PageModel
{
    public LearningProgress Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var progress = await learning.ProgressAsync(code, cancellationToken);
        if (progress is null)
        {
            // Not started yet: the course page has the start button and says what is needed first.
            return Redirect($"/courses/{Uri.EscapeDataString(code)}");
        }
        Progress = progress;
        return Page();
    }
}

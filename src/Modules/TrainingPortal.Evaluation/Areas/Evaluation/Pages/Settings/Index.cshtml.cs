using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Results;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Settings;

/// <summary>Whether certificates wait for the evaluation, and how many months later the follow-up is sent.</summary>
[Authorize(Policy = Permissions.ManageEvaluationSettings)]
public class IndexModel(EvaluationSettingsEditor editor) : PageModel
{
    [BindProperty]
    public EvaluationSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Input = await editor.ReadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData["Success"] = "Evaluation settings saved.";
        return RedirectToPage();
    }
}

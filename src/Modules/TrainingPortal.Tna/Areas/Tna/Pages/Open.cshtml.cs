using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Tna.Domain;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Areas.Tna.Pages;

/// <summary>The training unit opens a TNA year; every agency's lead is emailed.</summary>
[Authorize(Policy = Permissions.RunTrainingNeedsAnalysis)]
public class OpenModel(TnaCycle cycle) : PageModel
{
    [BindProperty]
    public OpenTnaInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Years { get; private set; } = [];

    public void OnGet()
    {
        Input.StartYear = cycle.SuggestedStartYear;
        Load();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Load();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (access, result) = await cycle.OpenAsync(Input, cancellationToken);
        if (access != Access.Allowed)
        {
            return Forbid();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData["Success"] = "The training needs analysis is open. Each agency's safeguarding lead has been emailed.";
        return Redirect($"/tna/{result.Value}");
    }

    private void Load()
    {
        var first = cycle.Today.Year - 1;
        Years = Enumerable.Range(first, 4).Select(y => new SelectListItem(TrainingNeedsAnalysis.YearName(y), y.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Results;

/// <summary>
/// One agency's results as its safeguarding lead sees them (the training unit sees the same): totals only, no comments
/// and no names, and "Fewer than 5 responses" in place of any figures for a smaller group. Another agency is refused (403).
/// </summary>
[Authorize(Policy = EvaluationResultsAccess.AgencyPolicy)]
public class AgencyModel(EvaluationResults results) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    public AgencyEvaluation Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, agency) = await results.AgencyAsync(AgencyId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Results = agency!;
        return Page();
    }
}

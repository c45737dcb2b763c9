using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Areas.Tna.Pages;

/// <summary>The partnership's TNA: places needed against places scheduled per course, and the need by agency and sector.</summary>
[Authorize(Policy = Permissions.ViewPartnershipTrainingNeeds)]
public class AnalysisModel(TnaGap gap, IAuthorizationService authorization) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TnaPartnershipView View { get; private set; } = null!;

    /// <summary>The training unit opens each agency's figures; the board sees the totals only.</summary>
    public bool OpensAgencies { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await gap.ForAsync(Id, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        OpensAgencies = (await authorization.AuthorizeAsync(User, Permissions.RunTrainingNeedsAnalysis)).Succeeded;
        return Page();
    }
}

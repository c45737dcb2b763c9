using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Requirements;

/// <summary>The training unit's list of requirements, what each workforce group needs, and the due-soon window.</summary>
[Authorize(Policy = Permissions.ManageRequirements)]
public class IndexModel(ComplianceCalculator calculator, RequirementEditor editor, WorkforceGroups workforceGroups) : PageModel
{
    public IReadOnlyList<RequirementSummary> Requirements { get; private set; } = [];

    public IReadOnlyList<LookupItem<int>> Groups { get; private set; } = [];

    /// <summary>Days before expiry that a record counts as due soon, as typed.</summary>
    [BindProperty]
    public string? DueSoonDays { get; set; }

    public string GroupName(int id) => Groups.FirstOrDefault(g => g.Id == id)?.Name ?? "Unknown group";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DueSoonDays = await editor.DueSoonDaysAsync(cancellationToken);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDueSoonAsync(CancellationToken cancellationToken)
    {
        var result = await editor.SaveDueSoonDaysAsync(DueSoonDays, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddErrors(result);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Success"] = $"Due-soon window saved: training expiring within {DueSoonDays!.Trim()} days now shows as due soon.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Requirements = await calculator.RequirementsAsync(cancellationToken);
        Groups = await workforceGroups.LookupAsync(cancellationToken);
    }
}

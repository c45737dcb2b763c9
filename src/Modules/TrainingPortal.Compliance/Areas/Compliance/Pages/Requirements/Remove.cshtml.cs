using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Requirements;

/// <summary>Asks before removing a requirement, since its past monthly figures go with it.</summary>
[Authorize(Policy = Permissions.ManageRequirements)]
public class RemoveModel(ComplianceCalculator calculator, RequirementEditor editor, WorkforceGroups workforceGroups) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public RequirementSummary Requirement { get; private set; } = null!;

    public IReadOnlyList<string> GroupNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var result = await editor.RemoveAsync(Id, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        TempData["Success"] = $"Requirement removed: {Requirement.Name}.";
        return Redirect("/compliance/requirements");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if ((await calculator.RequirementsAsync(cancellationToken)).FirstOrDefault(r => r.Id == Id) is not { } requirement)
        {
            return false;
        }
        Requirement = requirement;
        GroupNames = (await workforceGroups.LookupAsync(cancellationToken)).Where(g => requirement.WorkforceGroupIds.Contains(g.Id)).Select(g => g.Name).ToList();
        return true;
    }
}

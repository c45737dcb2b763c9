using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Requirements;

/// <summary>Adds a requirement (<c>/compliance/requirements/new</c>) or changes one (<c>/compliance/requirements/{id}</c>).</summary>
[Authorize(Policy = Permissions.ManageRequirements)]
public class EditModel(RequirementEditor editor, WorkforceGroups workforceGroups) : PageModel
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public RequirementInput Input { get; set; } = new();

    /// <summary>The requirement's saved name, for the caption; null when adding one.</summary>
    public string? SavedName { get; private set; }

    public IReadOnlyList<SelectListItem> CourseItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> GroupItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await editor.GetAsync(id, cancellationToken) is not { } saved)
            {
                return NotFound();
            }
            Input = saved;
            SavedName = saved.Name;
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await editor.GetAsync(id, cancellationToken) is not { } saved)
            {
                return NotFound();
            }
            SavedName = saved.Name;
        }
        // The service checks every field; a value that did not bind arrives as not chosen and gets its GOV.UK message there.
        ModelState.Clear();
        var result = await editor.SaveAsync(Id, Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }
        var name = Input.Name!.Trim();
        TempData["Success"] = Id is null ? $"Requirement added: {name}." : $"Changes to {name} saved.";
        return Redirect("/compliance/requirements");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var chosen = Input.AlternativeCourseIds.Concat(Input.MainCourseId is { } main ? [main] : Array.Empty<Guid>()).ToList();
        CourseItems = (await editor.CourseChoicesAsync(chosen, cancellationToken)).Select(c => new SelectListItem(c.Text, c.Id.ToString())).ToList();
        GroupItems = (await workforceGroups.LookupAsync(cancellationToken)).Select(g => new SelectListItem(g.Name, g.Id.ToString())).ToList();
    }
}

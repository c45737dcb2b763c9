using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Register;

/// <summary>An entry on the register with its spells, and the form to end an active spell (the agency's lead or the training unit).</summary>
[Authorize(Policy = Permissions.NominateChampions)]
public class EntryModel(ChampionRegister register) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public StepDownInput Input { get; set; } = new();

    public ChampionEntry Entry { get; private set; } = null!;

    public bool CanDecide => register.SeesAllAgencies;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (access, result) = await register.StepDownAsync(Id, Input, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = "The champion has stepped down.";
        return Redirect($"/champions/{Id}");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, entry) = await register.EntryAsync(Id, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Entry = entry!;
        return Page();
    }
}

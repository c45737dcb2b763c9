using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Register;

/// <summary>The training unit approves a nomination or declines it with a reason.</summary>
[Authorize(Policy = Permissions.ManageChampionRegister)]
public class NominationModel(ChampionRegister register) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> Decisions =
    [
        new("Approve", DecisionInput.Approve), new("Decline", DecisionInput.Decline),
    ];

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ChampionEntry Entry { get; private set; } = null!;

    public SpellView? Spell => Entry.Spells.FirstOrDefault(s => s.Id == Id);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (access, result) = await register.DecideAsync(Id, Input, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = Input.Decision == DecisionInput.Approve ? "Nomination approved." : "Nomination declined.";
        return Redirect("/champions");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, entry) = await register.NominationAsync(Id, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Entry = entry!;
        return Page();
    }
}

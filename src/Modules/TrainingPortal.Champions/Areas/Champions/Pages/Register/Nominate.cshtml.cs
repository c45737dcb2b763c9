using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Register;

/// <summary>A lead nominates a current member of their agency's staff; the training unit is told.</summary>
[Authorize(Policy = Permissions.NominateChampions)]
public class NominateModel(ChampionRegister register) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public NominationInput Input { get; set; } = new();

    public string AgencyName { get; private set; } = "";

    public IReadOnlyList<SelectListItem> StaffItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input.StartDate = register.Today;
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var failed = await LoadAsync(cancellationToken);
        if (failed is not null)
        {
            return failed;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (access, result) = await register.NominateAsync(Id, Input, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData["Success"] = "Nomination sent. The training unit will approve or decline it.";
        return Redirect($"/champions/{result.Value}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, staff) = await register.NomineeChoicesAsync(Id, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        AgencyName = (await register.AgencyNameAsync(Id, cancellationToken))!;
        StaffItems = staff.Select(s => new SelectListItem(s.JobTitle is null ? s.Name : $"{s.Name} ({s.JobTitle})", s.PractitionerId.ToString())).ToList();
        return null;
    }
}

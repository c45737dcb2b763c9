using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Agencies;

[Authorize(Policy = Permissions.ManageAgencies)]
public class EditModel(AgencyDirectory directory) : PageModel
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? SectorId { get; set; }

    [BindProperty]
    public bool IsActive { get; set; } = true;

    public IEnumerable<SelectListItem> SectorItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var agency = await directory.GetAsync(id, cancellationToken);
            if (agency is null)
            {
                return NotFound();
            }
            Name = agency.Name;
            SectorId = agency.SectorId;
            IsActive = agency.IsActive;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        OperationResult result;
        Guid agencyId;
        if (Id is { } id)
        {
            result = await directory.UpdateAsync(id, Name ?? "", SectorId ?? 0, IsActive, cancellationToken);
            agencyId = id;
        }
        else
        {
            var created = await directory.CreateAsync(Name ?? "", SectorId ?? 0, cancellationToken);
            result = created;
            agencyId = created.Value;
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData["Success"] = Id is null ? $"{Name!.Trim()} has been added." : "Agency details saved.";
        return Redirect($"/agencies/{agencyId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        SectorItems = (await directory.SectorsAsync(cancellationToken)).Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == SectorId));
}

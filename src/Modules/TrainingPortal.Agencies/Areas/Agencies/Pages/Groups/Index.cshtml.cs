using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Groups;

[Authorize(Policy = Permissions.ManageWorkforceGroups)]
public class IndexModel(WorkforceGroups groups) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public int Order { get; set; }

    public IReadOnlyList<WorkforceGroupSummary> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.ListAsync(cancellationToken);
        if (Groups.FirstOrDefault(g => g.Id == Edit) is { } group)
        {
            (Code, Name, Description, Order) = (group.Code, group.Name, group.Description, group.Order);
        }
        else
        {
            Edit = null;
            Order = Groups.Count == 0 ? 1 : Groups.Max(g => g.Order) + 1;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await groups.SaveAsync(Edit, Code, Name, Description, Order, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = "Workforce group saved.";
                return RedirectToPage(new { edit = (int?)null });
            }
            ModelState.AddErrors(result);
        }
        Groups = await groups.ListAsync(cancellationToken);
        return Page();
    }
}

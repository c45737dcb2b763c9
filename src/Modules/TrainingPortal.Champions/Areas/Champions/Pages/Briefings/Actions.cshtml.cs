using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Briefings;

/// <summary>Briefing actions not yet done in the agencies the user may see, soonest due first; a lead's to-do list.</summary>
[Authorize(Policy = Permissions.LogBriefings)]
public class ActionsModel(BriefingLogs logs, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "agencyId")]
    public Guid? AgencyId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<OpenAction> Actions { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public DateOnly Today => UkTime.Today(clock);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencies = await logs.AgenciesAsync(cancellationToken);
        AgencyItems = agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == AgencyId)).ToList();
        Actions = await logs.OpenActionsAsync(AgencyId, PageNumber, cancellationToken);
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid actionId, CancellationToken cancellationToken)
    {
        var access = await logs.SetActionDoneAsync(actionId, true, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        TempData["Success"] = "Action marked as done.";
        return Redirect("/briefings/actions" + (AgencyId is { } id ? $"?agencyId={id}" : ""));
    }
}

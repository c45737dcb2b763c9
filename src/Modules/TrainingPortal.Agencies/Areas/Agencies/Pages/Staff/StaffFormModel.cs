using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Staff;

/// <summary>What the add and change staff pages share: the input and the team and group lists.</summary>
public abstract class StaffFormModel(AgencyDirectory directory, WorkforceGroups groups, AgencyScope scope) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public string AgencyName { get; protected set; } = "";

    public IEnumerable<SelectListItem> TeamItems { get; private set; } = [];

    public IEnumerable<SelectListItem> GroupItems { get; private set; } = [];

    /// <summary>Loads the agency's name, teams and groups; null when done, otherwise 403 for an agency not the user's or 404 for one that is not there.</summary>
    protected async Task<IActionResult?> LoadListsAsync(CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(AgencyId, cancellationToken))
        {
            return Forbid();
        }
        var agency = await directory.GetAsync(AgencyId, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        TeamItems = agency.Teams.Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == Input.TeamId)).ToList();
        GroupItems = (await groups.LookupAsync(cancellationToken)).Select(g => new SelectListItem(g.Name, g.Id.ToString(), g.Id == Input.WorkforceGroupId)).ToList();
        return null;
    }
}

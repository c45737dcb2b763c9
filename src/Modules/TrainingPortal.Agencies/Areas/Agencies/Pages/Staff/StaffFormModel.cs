using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Staff;

/// <summary>What the add and change staff pages share: the input and the team and group lists.</summary>
public abstract class StaffFormModel(AgencyDirectory directory, WorkforceGroups groups) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public string AgencyName { get; protected set; } = "";

    public IEnumerable<SelectListItem> TeamItems { get; private set; } = [];

    public IEnumerable<SelectListItem> GroupItems { get; private set; } = [];

    /// <summary>False when the agency is not there or not the user's.</summary>
    protected async Task<bool> LoadListsAsync(CancellationToken cancellationToken)
    {
        var agency = await directory.GetAsync(AgencyId, cancellationToken);
        if (agency is null)
        {
            return false;
        }
        AgencyName = agency.Name;
        TeamItems = agency.Teams.Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == Input.TeamId)).ToList();
        GroupItems = (await groups.LookupAsync(cancellationToken)).Select(g => new SelectListItem(g.Name, g.Id.ToString(), g.Id == Input.WorkforceGroupId)).ToList();
        return true;
    }
}

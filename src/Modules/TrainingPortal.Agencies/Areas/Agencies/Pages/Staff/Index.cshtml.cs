using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Staff;

[Authorize(Policy = Permissions.ManageStaff)]
public class IndexModel(StaffRecords staff, StaffInvitations invitations, AgencyScope scope, AgencyDirectory directory, WorkforceGroups groups, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public StaffStatusFilter Status { get; set; } = StaffStatusFilter.Current;

    [BindProperty(SupportsGet = true)]
    public Guid? TeamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? GroupId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public string AgencyName { get; private set; } = "";

    public PagedList<StaffRow> Staff { get; private set; } = null!;

    public IReadOnlyList<LookupItem<Guid>> Teams { get; private set; } = [];

    public IReadOnlyList<LookupItem<int>> Groups { get; private set; } = [];

    /// <summary>Current staff with an email address who have not been invited to sign in.</summary>
    public int Uninvited { get; private set; }

    public DateOnly Today => UkTime.Today(clock);

    public IEnumerable<SelectListItem> StatusItems =>
    [
        new("Current staff", nameof(StaffStatusFilter.Current), Status == StaffStatusFilter.Current),
        new("Awaiting confirmation", nameof(StaffStatusFilter.AwaitingConfirmation), Status == StaffStatusFilter.AwaitingConfirmation),
        new("Leavers", nameof(StaffStatusFilter.Leavers), Status == StaffStatusFilter.Leavers),
        new("Everyone", nameof(StaffStatusFilter.All), Status == StaffStatusFilter.All),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, list) = await staff.ListAsync(AgencyId, new StaffFilter(Q, TeamId, GroupId, Status), PageNumber, cancellationToken);
        if (access == Access.Forbidden)
        {
            return Forbid();
        }
        var agency = await directory.GetAsync(AgencyId, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        Staff = list!;
        Teams = agency.Teams.Select(t => new LookupItem<Guid>(t.Id, t.Name)).ToList();
        Groups = await groups.LookupAsync(cancellationToken);
        Uninvited = await invitations.UninvitedCountAsync(AgencyId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAllAsync(CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(AgencyId, cancellationToken))
        {
            return Forbid();
        }
        var result = await invitations.InviteAllAsync(AgencyId, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await OnGetAsync(cancellationToken);
        }
        TempData["Success"] = result.Value == 1 ? "1 invitation sent." : $"{result.Value} invitations sent.";
        return RedirectToPage();
    }
}

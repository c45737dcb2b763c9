using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Paging;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Briefings;

/// <summary>Briefings recorded for the agencies the user may record for, newest first.</summary>
[Authorize(Policy = Permissions.LogBriefings)]
public class IndexModel(BriefingLogs logs) : PageModel
{
    [FromQuery(Name = "agencyId")]
    public Guid? AgencyId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<BriefingSummary> Briefings { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> AgencyItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencies = await logs.AgenciesAsync(cancellationToken);
        AgencyItems = agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == AgencyId)).ToList();
        Briefings = await logs.ListAsync(AgencyId, PageNumber, cancellationToken);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Dashboard;

/// <summary>Where a lead or coordinator picks the agency whose compliance to see; a lead of one agency goes straight to it.</summary>
[Authorize(Policy = Permissions.ViewAgencyCompliance)]
public class IndexModel(AgencyScope scope) : PageModel
{
    public IReadOnlyList<LookupItem<Guid>> Agencies { get; private set; } = [];

    public bool SeesAllAgencies => scope.SeesAllAgencies;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await (await scope.VisibleAgenciesAsync(cancellationToken)).OrderBy(a => a.Name)
            .Select(a => new LookupItem<Guid>(a.Id, a.Name)).ToListAsync(cancellationToken);
        return Agencies.Count == 1 && !SeesAllAgencies ? Redirect($"/compliance/agencies/{Agencies[0].Id}") : Page();
    }
}

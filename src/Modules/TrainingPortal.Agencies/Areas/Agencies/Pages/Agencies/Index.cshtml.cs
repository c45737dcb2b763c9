using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Agencies;

[Authorize(Policy = Permissions.ManageStaff)]
public class IndexModel(AgencyDirectory directory, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await directory.ListAsync(cancellationToken);
        CanCreate = (await authorization.AuthorizeAsync(User, Permissions.ManageAgencies)).Succeeded;
    }
}

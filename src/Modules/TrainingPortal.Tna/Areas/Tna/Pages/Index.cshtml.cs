using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Areas.Tna.Pages;

/// <summary>
/// The TNA years for the training unit and the board; for a safeguarding lead, the task of each agency they lead in
/// each year still open.
/// </summary>
[Authorize(Policy = Permissions.ViewTrainingNeeds)]
public class IndexModel(TnaCycle cycle, AgencyScope scope, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<TnaSummary> Analyses { get; private set; } = [];

    /// <summary>A lead's agencies, by name.</summary>
    public IReadOnlyList<(Guid Id, string Name)> LedAgencies { get; private set; } = [];

    public bool SeesPartnership { get; private set; }

    public bool RunsCycle { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Analyses = await cycle.ListAsync(cancellationToken);
        SeesPartnership = (await authorization.AuthorizeAsync(User, Permissions.ViewPartnershipTrainingNeeds)).Succeeded;
        RunsCycle = (await authorization.AuthorizeAsync(User, Permissions.RunTrainingNeedsAnalysis)).Succeeded;
        if (!scope.SeesAllAgencies)
        {
            var led = await scope.LedAgenciesAsync(cancellationToken);
            LedAgencies = (await scope.VisibleAgenciesAsync(cancellationToken)).Where(a => led.Contains(a.Id) && a.IsActive)
                .OrderBy(a => a.Name).Select(a => new ValueTuple<Guid, string>(a.Id, a.Name)).ToList();
        }
    }
}

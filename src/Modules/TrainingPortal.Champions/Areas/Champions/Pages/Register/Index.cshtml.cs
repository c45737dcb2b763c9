using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Paging;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Register;

/// <summary>
/// The partnership register: the training unit sees every agency's champions by name and the nominations to decide;
/// the board sees counts per agency; a lead sees the agencies they lead, each linking to its register.
/// </summary>
[Authorize(Policy = ChampionRegisterAccess.Policy)]
public class IndexModel(ChampionRegister register) : PageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AgencyChampionCount> Counts { get; private set; } = [];

    public IReadOnlyList<PendingNomination> Pending { get; private set; } = [];

    public PagedList<ChampionLine>? Champions { get; private set; }

    public bool ShowsNames => register.SeesAllAgencies;

    public bool IsLead { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await register.CountsAsync(cancellationToken);
        Pending = await register.PendingAsync(cancellationToken);
        if (ShowsNames)
        {
            Champions = (await register.ListAsync(null, PageNumber, cancellationToken)).Lines;
        }
        IsLead = !ShowsNames && User.IsInRole(TrainingPortal.Core.Security.Roles.SafeguardingLead);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Paging;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Register;

/// <summary>One agency's register, every entry by name: its lead or the training unit.</summary>
[Authorize(Policy = Permissions.NominateChampions)]
public class AgencyModel(ChampionRegister register) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public string AgencyName { get; private set; } = "";

    public PagedList<ChampionLine> Champions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, lines) = await register.ListAsync(Id, PageNumber, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Champions = lines!;
        AgencyName = (await register.AgencyNameAsync(Id, cancellationToken))!;
        return Page();
    }
}

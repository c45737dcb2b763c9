using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Paging;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.People;

[Authorize(Policy = Permissions.ViewAllPractitioners)]
public class IndexModel(PractitionerSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<PractitionerSearchRow> People { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await search.SearchAsync(Q, PageNumber, cancellationToken);
}

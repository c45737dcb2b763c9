using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Paging;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Admin;

[Authorize(Policy = "ManageUsers")]
public class UsersModel(UserAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<UserSummary> Users { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await accounts.ListAsync(Q, PageNumber, cancellationToken);
}

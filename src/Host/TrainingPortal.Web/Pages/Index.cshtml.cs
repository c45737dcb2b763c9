using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Modules;

namespace TrainingPortal.Web.Pages;

[AllowAnonymous]
public class IndexModel(IPortalShell shell) : PageModel
{
    public IReadOnlyList<MenuItem> Menu { get; private set; } = [];

    public string FirstName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Menu = await shell.GetMenuAsync(User, cancellationToken);
        FirstName = User.FindFirstValue(ClaimTypes.GivenName) ?? User.Identity?.Name ?? "";
    }
}

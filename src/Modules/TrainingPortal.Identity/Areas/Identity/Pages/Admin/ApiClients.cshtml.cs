using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Results;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Admin;

[Authorize(Policy = "ManageApiClients")]
public class ApiClientsModel(ApiClients clients) : PageModel
{
    [BindProperty]
    public string? ClientId { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    public string? NewSecret { get; private set; }

    public IReadOnlyList<ApiClientSummary> Clients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Clients = await clients.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await clients.RegisterAsync(ClientId, DisplayName, cancellationToken);
        if (result.Succeeded)
        {
            // Shown on this response only: the secret is never stored in readable form.
            NewSecret = result.Value;
            ClientId = ClientId!.Trim().ToLowerInvariant();
            ModelState.Clear();
        }
        else
        {
            ModelState.AddErrors(result);
        }
        Clients = await clients.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string remove, CancellationToken cancellationToken)
    {
        await clients.RemoveAsync(remove, cancellationToken);
        TempData["Success"] = $"{remove} can no longer use the API.";
        return RedirectToPage();
    }
}

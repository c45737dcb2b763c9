using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Champions.Services;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>The champion's own guides, drafts and published, most recently changed first.</summary>
[Authorize(Policy = Permissions.WriteGuides)]
public class MineModel(GuideLibrary library) : PageModel
{
    public IReadOnlyList<OwnGuide> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Guides = await library.MineAsync(cancellationToken);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Champions.Services;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>The training unit's queue: guide versions sent for review, oldest first.</summary>
[Authorize(Policy = Permissions.ReviewGuides)]
public class ReviewQueueModel(GuideReview review) : PageModel
{
    public IReadOnlyList<GuideAwaitingReview> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Guides = await review.QueueAsync(cancellationToken);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>The training unit reviews a guide: return it with comments or publish it, set its review date, or retire it.</summary>
[Authorize(Policy = Permissions.ReviewGuides)]
public class ReviewModel(GuideLibrary library, GuideReview review, TimeProvider clock) : PageModel
{
    public GuideView Guide { get; private set; } = null!;

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public sealed class ReviewInput
    {
        public string? Comments { get; set; }

        public DateOnly? ReviewDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }
        Input.ReviewDate = Guide.Status == GuideVersionStatus.Published && Guide.ReviewDate is { } due ? due : UkTime.Today(clock).AddYears(1);
        return Page();
    }

    public Task<IActionResult> OnPostReturnAsync(int number, CancellationToken cancellationToken) =>
        ActAsync(number, () => review.ReturnAsync(number, Input.Comments, cancellationToken), "The guide is sent back to its author with your comments.", "/guides/review", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int number, CancellationToken cancellationToken) =>
        ActAsync(number, () => review.PublishAsync(number, Input.ReviewDate, cancellationToken), "The guide is published in the library.", $"/guides/{number}", cancellationToken);

    public Task<IActionResult> OnPostReviewDateAsync(int number, CancellationToken cancellationToken) =>
        ActAsync(number, () => review.SetReviewDateAsync(number, Input.ReviewDate, cancellationToken), "The review date is changed.", $"/guides/{number}/review", cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(int number, CancellationToken cancellationToken) =>
        ActAsync(number, () => review.RetireAsync(number, cancellationToken), "The guide is retired: it has left the library and cannot be briefed on.", $"/guides/{number}/review", cancellationToken);

    private async Task<IActionResult> ActAsync(int number, Func<Task<OperationResult>> act, string success, string next, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await act();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData["Success"] = success;
        return Redirect(next);
    }

    private async Task<bool> LoadAsync(int number, CancellationToken cancellationToken)
    {
        if (await library.LatestAsync(number, cancellationToken) is not { } guide)
        {
            return false;
        }
        Guide = guide;
        return true;
    }
}

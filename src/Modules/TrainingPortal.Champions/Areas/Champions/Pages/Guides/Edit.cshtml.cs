using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>
/// Edits a guide's latest version, for its author and the training unit only (anyone else: not found). Editing a
/// published guide starts a new version; the published one stays in the library until the new one is published.
/// </summary>
[Authorize(Policy = Permissions.ReadGuides)]
public class EditModel(GuideEditor editor, GuideLibrary library, AgencyDirectory directory) : GuideFormModel(directory)
{
    public GuideView Guide { get; private set; } = null!;

    /// <summary>Why the guide cannot be changed now, if it cannot.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }
        Input = Guide.ToInput();
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The edit page with what stops the draft being sent marked against each field.</summary>
    public async Task<IActionResult> OnGetCheckAsync(int number, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(number, cancellationToken);
        if (page is PageResult && Closed is null)
        {
            ModelState.AddErrors(OperationResult.Failed(GuideEditor.MissingParts(Guide.Format, Input.Title, p => p.Typed(Input))), nameof(Input));
        }
        return page;
    }

    public Task<IActionResult> OnPostAsync(int number, CancellationToken cancellationToken) => SaveAsync(number, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int number, CancellationToken cancellationToken) => SaveAsync(number, submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(int number, bool submit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }
        await LoadChoicesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (access, saved) = await editor.SaveAsync(number, Input, cancellationToken);
        if (access != Access.Allowed)
        {
            return NotFound();
        }
        if (!saved.Succeeded)
        {
            ModelState.AddErrors(saved, nameof(Input));
            return Page();
        }
        if (submit)
        {
            var (_, submitted) = await editor.SubmitAsync(number, cancellationToken);
            if (!submitted.Succeeded)
            {
                ModelState.AddErrors(submitted, nameof(Input));
                return Page();
            }
            TempData["Success"] = "Your guide is sent to the training unit for review.";
            return Redirect("/guides/mine");
        }
        TempData["Success"] = "Your changes are saved as a draft.";
        return Redirect($"/guides/{number}/edit");
    }

    private async Task<bool> LoadAsync(int number, CancellationToken cancellationToken)
    {
        if (await library.LatestAsync(number, cancellationToken) is not { } guide)
        {
            return false;
        }
        Guide = guide;
        CanChooseFormat = guide.Version == 1 && guide.Status != GuideVersionStatus.Published;
        Parts = CanChooseFormat ? GuideParts.All : GuideParts.For(guide.Format);
        Closed = guide.IsRetired ? "This guide has been retired and cannot be changed."
            : guide.Status == GuideVersionStatus.Submitted && !guide.CanReview ? "This guide is with the training unit for review. You can change it again if they send it back."
            : null;
        return true;
    }
}

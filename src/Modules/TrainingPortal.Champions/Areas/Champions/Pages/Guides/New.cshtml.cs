using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>Starts a guide: saved as a draft, or saved and sent to the training unit at once.</summary>
[Authorize(Policy = Permissions.WriteGuides)]
public class NewModel(GuideEditor editor, AgencyDirectory directory) : GuideFormModel(directory)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadChoicesAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SaveAsync(submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) => SaveAsync(submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var created = await editor.CreateAsync(Input, cancellationToken);
        if (!created.Succeeded)
        {
            ModelState.AddErrors(created, nameof(Input));
            return Page();
        }
        if (submit)
        {
            var (_, submitted) = await editor.SubmitAsync(created.Value, cancellationToken);
            if (!submitted.Succeeded)
            {
                // The draft is kept: carry on from its edit page, with what is missing marked.
                TempData["Success"] = "Your draft is saved. Finish the parts marked below, then send it for review.";
                return Redirect($"/guides/{created.Value}/edit?handler=Check");
            }
            TempData["Success"] = "Your guide is saved and sent to the training unit for review.";
            return Redirect("/guides/mine");
        }
        TempData["Success"] = "Your draft is saved.";
        return Redirect($"/guides/{created.Value}/edit");
    }
}

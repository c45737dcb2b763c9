using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Results;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Settings;

/// <summary>The late-cancellation window, reminders, and what each course charges for a place that is not used.</summary>
[Authorize(Policy = Permissions.ScheduleSessions)]
public class IndexModel(SessionSettingsEditor editor) : PageModel
{
    [BindProperty]
    public SessionSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Input = await editor.ReadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData["Success"] = "Session settings saved.";
        return RedirectToPage();
    }
}

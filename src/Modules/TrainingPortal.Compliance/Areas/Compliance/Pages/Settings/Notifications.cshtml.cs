using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Core.Results;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Settings;

/// <summary>The least often the partnership lets people choose to be reminded of training that is due.</summary>
[Authorize(Policy = Permissions.ManageRequirements)]
public class NotificationsModel(NotificationPreferences preferences) : PageModel
{
    [BindProperty]
    public string? LeastFrequent { get; set; }

    public IEnumerable<SelectListItem> Items { get; } =
    [
        new("Every reminder as soon as something is due: nobody can ask for summaries", nameof(NotificationFrequency.Immediately)),
        new("A weekly summary at the least", nameof(NotificationFrequency.Weekly)),
        new("A monthly summary at the least", nameof(NotificationFrequency.Monthly)),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        LeastFrequent = (await preferences.LeastFrequentAllowedAsync(cancellationToken)).ToString();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        NotificationFrequency? chosen = Enum.TryParse<NotificationFrequency>(LeastFrequent, out var value) && Enum.IsDefined(value) ? value : null;
        var result = await preferences.SetLeastFrequentAllowedAsync(chosen, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        TempData["Success"] = "Reminder settings saved.";
        return RedirectToPage();
    }
}

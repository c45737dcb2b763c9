using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Briefings;

/// <summary>One briefing log: who was there, what was discussed, and the team's actions (ticked off here).</summary>
[Authorize(Policy = Permissions.LogBriefings)]
public class LogModel(BriefingLogs logs, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public BriefingLogView Log { get; private set; } = null!;

    public DateOnly Today => UkTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, log) = await logs.GetAsync(Id, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Log = log!;
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid actionId, bool done, CancellationToken cancellationToken)
    {
        var access = await logs.SetActionDoneAsync(actionId, done, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        TempData["Success"] = done ? "Action marked as done." : "Action marked as not done.";
        return Redirect($"/briefings/{Id}");
    }
}

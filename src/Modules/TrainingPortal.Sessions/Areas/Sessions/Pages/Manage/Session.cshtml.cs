using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Results;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Manage;

/// <summary>One session for the training unit: its details, who holds a place, the waiting list, and cancelling it.</summary>
[Authorize(Policy = Permissions.ScheduleSessions)]
public class SessionModel(SessionQueries queries, SessionScheduler scheduler, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public SessionSummary Session { get; private set; } = null!;

    public IReadOnlyList<string> Trainers { get; private set; } = [];

    public IReadOnlyList<RegisterLine> Places { get; private set; } = [];

    public IReadOnlyList<BookingRow> Others { get; private set; } = [];

    public DateTime Now { get; private set; }

    public bool CanCancel => Session.Status == SessionStatus.Scheduled && Session.RegisterClosedAt is null;

    public bool ReasonRefused => ModelState.TryGetValue(nameof(Reason), out var entry) && entry.Errors.Count > 0;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var result = await scheduler.CancelAsync(Id, Reason, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = "Session cancelled. Everyone booked, waiting or waiting for approval has been emailed the reason.";
        return Redirect($"/sessions/{Id}/manage");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        if (await queries.SummaryAsync(Id, cancellationToken) is not { } session)
        {
            return NotFound();
        }
        Session = session;
        Now = clock.GetUtcNow().UtcDateTime;
        Trainers = await queries.TrainerNamesAsync(Id, cancellationToken);
        Places = await queries.RegisterLinesAsync(Id, cancellationToken);
        Others = await queries.OthersOnSessionAsync(Id, cancellationToken);
        return Page();
    }
}

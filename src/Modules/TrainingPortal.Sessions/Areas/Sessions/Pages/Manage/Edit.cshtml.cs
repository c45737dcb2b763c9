using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Manage;

/// <summary>Schedules a session (<c>/sessions/new</c>) or changes one (<c>/sessions/{id}/edit</c>).</summary>
[Authorize(Policy = Permissions.ScheduleSessions)]
public class EditModel(SessionQueries queries, SessionScheduler scheduler, TimeProvider clock) : PageModel
{
    // Model binding's own messages name the property; say it the GOV.UK way instead.
    private static readonly (string Field, string Bound, string Better)[] DateNames =
    [
        (nameof(SessionInput.Date), "Date", "Date of the session"),
        (nameof(SessionInput.BookingClosesOn), "Booking closes on", "Date booking closes"),
    ];

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    /// <summary>The session being changed; null when scheduling a new one.</summary>
    public SessionSummary? Session { get; private set; }

    /// <summary>Only a scheduled session that has not started can be changed.</summary>
    public bool CanChange => Session is null || (Session.Status == SessionStatus.Scheduled && Session.StartsAtUtc > clock.GetUtcNow().UtcDateTime);

    public IEnumerable<SelectListItem> CourseItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TrainerItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            Session = await queries.SummaryAsync(id, cancellationToken);
            if (Session is null)
            {
                return NotFound();
            }
            var start = UkTime.FromUtc(Session.StartsAtUtc);
            Input = new SessionInput
            {
                CourseId = Session.CourseId,
                Date = DateOnly.FromDateTime(start),
                StartTime = start.ToString("HH:mm"),
                EndTime = UkTime.FromUtc(Session.EndsAtUtc).ToString("HH:mm"),
                IsVirtual = Session.JoiningLink is not null,
                VenueName = Session.VenueName,
                VenueAddress = Session.VenueAddress,
                AccessibilityNotes = Session.AccessibilityNotes,
                JoiningLink = Session.JoiningLink,
                Capacity = Session.Capacity,
                BookingClosesOn = Session.BookingClosesOn,
                Notes = Session.Notes,
                TrainerIds = [.. await queries.TrainerIdsAsync(id, cancellationToken)],
            };
        }
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } existing && (Session = await queries.SummaryAsync(existing, cancellationToken)) is null)
        {
            return NotFound();
        }
        if (!CanChange)
        {
            return Page();
        }
        // A date or number that did not bind would otherwise reach the service as "not entered".
        if (!ModelState.IsValid)
        {
            UseGovUkMessages();
            await LoadListsAsync(cancellationToken);
            return Page();
        }
        OperationResult result;
        Guid sessionId;
        if (Id is { } id)
        {
            result = await scheduler.ChangeAsync(id, Input, cancellationToken);
            sessionId = id;
        }
        else
        {
            var scheduled = await scheduler.ScheduleAsync(Input, cancellationToken);
            result = scheduled;
            sessionId = scheduled.Value;
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            await LoadListsAsync(cancellationToken);
            return Page();
        }
        TempData["Success"] = Id is null
            ? "Session scheduled. It is open for booking."
            : "Session details saved. If the date, times or place changed, everyone booked has been sent the new details.";
        return Redirect($"/sessions/{sessionId}/manage");
    }

    private void UseGovUkMessages()
    {
        if (ModelState.TryGetValue($"{nameof(Input)}.{nameof(SessionInput.Capacity)}", out var capacity) && capacity.Errors.Count > 0)
        {
            capacity.Errors.Clear();
            capacity.Errors.Add($"Enter the number of places as a whole number, from 1 to {SessionScheduler.MaxCapacity}");
        }
        foreach (var (field, bound, better) in DateNames)
        {
            if (ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0)
            {
                var messages = entry.Errors.Select(e => e.ErrorMessage.Replace(bound, better, StringComparison.Ordinal)).ToList();
                entry.Errors.Clear();
                messages.ForEach(entry.Errors.Add);
            }
        }
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        CourseItems = (await scheduler.SchedulableCoursesAsync(cancellationToken)).Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToList();
        TrainerItems = (await scheduler.TrainersAsync(cancellationToken))
            .Select(t => new SelectListItem(t.IsGcp2Trainer ? $"{t.Name} (licensed GCP2 trainer)" : t.Name, t.UserId.ToString(), Input.TrainerIds.Contains(t.UserId)))
            .ToList();
    }
}

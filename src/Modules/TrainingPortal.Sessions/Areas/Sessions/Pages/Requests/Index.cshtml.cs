using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Requests;

/// <summary>Booking requests on courses that need the safeguarding lead's approval.</summary>
[Authorize(Policy = Permissions.ManageAgencyBookings)]
public class IndexModel(SessionQueries queries, BookingService bookings) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The request whose decline was refused, so its reason box shows the error and keeps what was typed.</summary>
    public Guid? DecliningId { get; private set; }

    public IReadOnlyList<BookingRow> Requests { get; private set; } = [];

    public string? ReasonError =>
        ModelState.TryGetValue(nameof(Reason), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Requests = await queries.RequestsAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(bookingId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var request = (await queries.RequestsAsync(cancellationToken)).FirstOrDefault(r => r.BookingId == bookingId);
        var result = await bookings.ApproveAsync(bookingId, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Reason ?? "The request could not be approved");
            Requests = await queries.RequestsAsync(cancellationToken);
            return Page();
        }
        var subject = request is null ? "the session" : $"{request.CourseTitle} on {SessionText.Day(request.StartsAtUtc)}";
        var name = request?.PractitionerName ?? "The person";
        if (result.Status == BookingStatus.Waitlisted)
        {
            var number = (await queries.WaitingNumbersAsync([bookingId], cancellationToken)).GetValueOrDefault(bookingId);
            TempData["Success"] = $"Approved. {subject} is full, so {name} is on the waiting list at number {number}.";
        }
        else
        {
            TempData["Success"] = $"Approved. {name} has a place on {subject}.";
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(bookingId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var request = (await queries.RequestsAsync(cancellationToken)).FirstOrDefault(r => r.BookingId == bookingId);
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are declining the request, so the person knows");
        }
        else
        {
            var result = await bookings.DeclineAsync(bookingId, Reason, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Success"] = request is null ? "Request declined." : $"Declined {request.PractitionerName}'s request for {request.CourseTitle}. We have told them why.";
                return RedirectToPage();
            }
            ModelState.AddErrors(result);
        }
        DecliningId = bookingId;
        Requests = await queries.RequestsAsync(cancellationToken);
        return Page();
    }

    /// <summary>403 for another agency's booking, 404 for one that is not there; null for one the user may decide.</summary>
    private async Task<IActionResult?> RefusedAsync(Guid bookingId, CancellationToken cancellationToken) =>
        await bookings.DecisionAccessAsync(bookingId, cancellationToken) switch
        {
            Access.Allowed => null,
            Access.Forbidden => Forbid(),
            _ => NotFound(),
        };
}

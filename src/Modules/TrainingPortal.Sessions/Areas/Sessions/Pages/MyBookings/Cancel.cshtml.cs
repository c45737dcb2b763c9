using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Results;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.MyBookings;

[Authorize(Policy = Permissions.BookSessions)]
public class CancelModel(BookingService bookings) : PageModel
{
    [FromRoute]
    public Guid BookingId { get; set; }

    public CancellationPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var before = await bookings.PreviewCancelAsync(BookingId, cancellationToken);
        var result = await bookings.CancelAsync(BookingId, cancellationToken);
        if (!result.Succeeded || before is null)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = $"Your booking on {before.Booking.CourseTitle} on {SessionText.Day(before.Booking.StartsAtUtc)} has been cancelled."
            + (before.IsLate ? " It is recorded as a late cancellation." : "");
        return Redirect("/my-bookings");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        if (await bookings.PreviewCancelAsync(BookingId, cancellationToken) is not { } preview)
        {
            return NotFound();
        }
        Preview = preview;
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Book;

[Authorize(Policy = Permissions.BookSessions)]
public class IndexModel(SessionQueries queries, BookingService bookings, Learners learners, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Which agency are you booking through?")]
    public Guid? AgencyId { get; set; }

    public SessionPage Details { get; private set; } = null!;

    public SessionSummary Session => Details.Session;

    /// <summary>The agencies the person can book through; the form asks which only when there is more than one.</summary>
    public IReadOnlyList<LookupItem<Guid>> Agencies { get; private set; } = [];

    public IEnumerable<SelectListItem> AgencyItems => Agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString()));

    /// <summary>Why no place can be booked now (cancelled, finished, started, booking closed), or null while it can.</summary>
    public string? NotBookable { get; private set; }

    public bool HoldsPlace => Details.MyBooking is { } booking && BookingRules.HoldsPlace(booking.Status);

    public bool CanCancel => Details.MyBooking is { } booking && SessionText.IsCancellable(booking.Status) && Session.StartsAtUtc > Now;

    /// <summary>New bookings join the waiting list when no place is free or people are already waiting for one.</summary>
    public bool IsFull => Session.PlacesLeft == 0 || Session.WaitlistCount > 0;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken)
    {
        Agencies = await bookings.BookableAgenciesAsync(cancellationToken);
        if (Agencies.Count > 1 && AgencyId is null)
        {
            ModelState.AddModelError(nameof(AgencyId), "Select which agency you are booking through");
            return await LoadAsync(cancellationToken);
        }
        var result = await bookings.BookAsync(Id, Agencies.Count > 1 ? AgencyId : null, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Reason ?? "The place could not be booked");
            return await LoadAsync(cancellationToken);
        }
        var booked = await queries.SessionPageAsync(Id, await learners.FindCurrentAsync(cancellationToken), cancellationToken);
        var course = booked?.Session.CourseTitle ?? "the course";
        var day = booked is null ? "" : $" on {SessionText.Day(booked.Session.StartsAtUtc)}";
        TempData["Success"] = result.Status switch
        {
            BookingStatus.Requested => $"Your request for a place on {course}{day} has been sent to your safeguarding lead for approval.",
            BookingStatus.Waitlisted => $"{course}{day} is full, so you are on the waiting list at number {booked?.WaitingNumber ?? result.WaitlistPosition}. If a place comes up it is yours and we will email you.",
            _ => $"You are booked on {course}{day}.",
        };
        return Redirect("/my-bookings");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var details = await queries.SessionPageAsync(Id, await learners.FindCurrentAsync(cancellationToken), cancellationToken);
        if (details is null)
        {
            return NotFound();
        }
        Details = details;
        if (Agencies.Count == 0)
        {
            Agencies = await bookings.BookableAgenciesAsync(cancellationToken);
        }
        var session = details.Session;
        var ukToday = DateOnly.FromDateTime(UkTime.FromUtc(Now));
        NotBookable = session.Status switch
        {
            SessionStatus.Cancelled => "This session has been cancelled.",
            SessionStatus.Completed => "This session has finished.",
            _ when session.EndsAtUtc <= Now => "This session has finished.",
            _ when session.StartsAtUtc <= Now => "This session has started.",
            _ when ukToday > session.BookingClosesOn => $"Booking for this session closed on {session.BookingClosesOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.",
            _ => null,
        };
        return Page();
    }
}

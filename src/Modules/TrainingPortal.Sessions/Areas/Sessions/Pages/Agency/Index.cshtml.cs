using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Paging;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Agency;

/// <summary>A safeguarding lead's view of their agency's bookings: upcoming ones, and did-not-attend and late cancellations.</summary>
[Authorize(Policy = Permissions.ManageAgencyBookings)]
public class IndexModel(SessionQueries queries, AgencyScope scope, TimeProvider clock) : PageModel
{
    public const string MissedView = "missed";

    [FromQuery(Name = "agency")]
    public Guid? AgencyId { get; set; }

    /// <summary>"missed" for did-not-attend and late cancellations; anything else shows upcoming bookings.</summary>
    [FromQuery(Name = "view")]
    public string? ViewName { get; set; }

    [FromQuery(Name = "status")]
    public BookingStatus? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool ShowsMissed => string.Equals(ViewName, MissedView, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<LookupItem<Guid>> Agencies { get; private set; } = [];

    public LookupItem<Guid>? Current { get; private set; }

    public PagedList<BookingRow> Bookings { get; private set; } = new([], 1, PagingExtensions.DefaultPageSize, 0);

    public IReadOnlyDictionary<Guid, int> WaitingNumbers { get; private set; } = new Dictionary<Guid, int>();

    public int RequestCount { get; private set; }

    public IEnumerable<SelectListItem> StatusItems =>
        new[] { BookingStatus.Booked, BookingStatus.Waitlisted, BookingStatus.Requested, BookingStatus.Declined, BookingStatus.Cancelled, BookingStatus.LateCancelled, BookingStatus.SessionCancelled }
            .Select(s => new SelectListItem(SessionText.Booking(s), s.ToString(), s == Status));

    /// <summary>This page with the current agency and a view.</summary>
    public string ViewUrl(string? view) => $"/sessions/agency?agency={Current?.Id}" + (view is null ? "" : $"&view={view}");

    public int? WaitingNumber(BookingRow row) => WaitingNumbers.TryGetValue(row.BookingId, out var number) ? number : null;

    public bool CanCancel(BookingRow row) => SessionText.IsCancellable(row.Status) && row.StartsAtUtc > clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await queries.ManagedAgenciesAsync(cancellationToken);
        RequestCount = await queries.RequestCountAsync(cancellationToken);
        if (Agencies.Count == 0)
        {
            return Page();
        }
        Current = AgencyId is { } chosen ? Agencies.FirstOrDefault(a => a.Id == chosen) : Agencies[0];
        if (Current is null)
        {
            // Those who see every agency were offered them all: the one asked for is not there.
            return scope.SeesAllAgencies ? NotFound() : Forbid();
        }
        if (ShowsMissed)
        {
            Bookings = await queries.MissedPlacesAsync(Current.Id, PageNumber, cancellationToken);
        }
        else
        {
            Bookings = await queries.ForAgencyAsync(Current.Id, Status, upcoming: true, PageNumber, cancellationToken);
            WaitingNumbers = await queries.WaitingNumbersAsync(Bookings.Items.Where(r => r.Status == BookingStatus.Waitlisted).Select(r => r.BookingId), cancellationToken);
        }
        return Page();
    }
}

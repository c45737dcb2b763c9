using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.MyBookings;

[Authorize(Policy = Permissions.BookSessions)]
public class IndexModel(SessionQueries queries, Learners learners, TimeProvider clock) : PageModel
{
    public IReadOnlyList<BookingRow> Upcoming { get; private set; } = [];

    public IReadOnlyList<BookingRow> Past { get; private set; } = [];

    /// <summary>Each waiting booking's place in the queue now.</summary>
    public IReadOnlyDictionary<Guid, int> WaitingNumbers { get; private set; } = new Dictionary<Guid, int>();

    public int? WaitingNumber(BookingRow row) => WaitingNumbers.TryGetValue(row.BookingId, out var number) ? number : null;

    public bool CanCancel(BookingRow row) => SessionText.IsCancellable(row.Status) && row.StartsAtUtc > clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await learners.FindCurrentAsync(cancellationToken) is not { } practitioner)
        {
            return;
        }
        Upcoming = await queries.ForPractitionerAsync(practitioner, past: false, cancellationToken);
        Past = await queries.ForPractitionerAsync(practitioner, past: true, cancellationToken);
        WaitingNumbers = await queries.WaitingNumbersAsync(Upcoming.Where(r => r.Status == BookingStatus.Waitlisted).Select(r => r.BookingId), cancellationToken);
    }
}

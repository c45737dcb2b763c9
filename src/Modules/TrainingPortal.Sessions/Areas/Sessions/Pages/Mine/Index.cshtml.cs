using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Security;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Mine;

/// <summary>The sessions the signed-in trainer delivers: what is coming up, and recent ones whose registers may still need closing.</summary>
[Authorize(Policy = Permissions.TakeRegisters)]
public class IndexModel(SessionQueries queries, ICurrentUser currentUser, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionSummary> Upcoming { get; private set; } = [];

    public IReadOnlyList<SessionSummary> Recent { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        if (currentUser.UserId is not { } userId)
        {
            return;
        }
        var sessions = await queries.ForTrainerAsync(userId, cancellationToken);
        Upcoming = sessions.Where(s => s.EndsAtUtc >= Now).ToList();
        Recent = sessions.Where(s => s.EndsAtUtc < Now).OrderByDescending(s => s.StartsAtUtc).ToList();
    }
}

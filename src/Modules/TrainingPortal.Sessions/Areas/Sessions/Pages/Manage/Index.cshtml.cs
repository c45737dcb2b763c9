using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Core.Paging;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Manage;

/// <summary>The training unit's overview of sessions: fill rates, waiting lists and where each session stands.</summary>
[Authorize(Policy = Permissions.ScheduleSessions)]
public class IndexModel(SessionQueries queries, SessionScheduler scheduler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Past { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CourseId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public (int Sessions, int Places, int Booked, int Waiting) Totals { get; private set; }

    public int FillPercent => Totals.Places == 0 ? 0 : 100 * Totals.Booked / Totals.Places;

    public PagedList<SessionSummary> Sessions { get; private set; } = null!;

    public IEnumerable<SelectListItem> CourseItems { get; private set; } = [];

    public DateTime Now { get; private set; }

    /// <summary>The overview's address with the given choice of upcoming or past, keeping the course filter.</summary>
    public string Link(bool past)
    {
        var query = new List<string>();
        if (past)
        {
            query.Add("past=true");
        }
        if (CourseId is { } courseId)
        {
            query.Add($"courseId={courseId}");
        }
        return "/sessions" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Totals = await queries.UpcomingTotalsAsync(cancellationToken);
        Sessions = await queries.OverviewAsync(Past, CourseId, PageNumber, cancellationToken);
        CourseItems = (await scheduler.SchedulableCoursesAsync(cancellationToken)).Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToList();
    }
}

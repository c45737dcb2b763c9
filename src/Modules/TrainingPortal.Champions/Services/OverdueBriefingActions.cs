using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>Overdue briefing actions, in each agency's part of the leads' weekly summary.</summary>
internal sealed class OverdueBriefingActions(PortalDbContext db, PublicUrls urls) : ILeadSummarySection
{
    /// <summary>How many overdue actions are named before the rest are counted.</summary>
    private const int Named = 5;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> LinesAsync(IReadOnlyCollection<Guid> agencyIds, DateOnly today, CancellationToken cancellationToken = default)
    {
        var overdue = await (from a in db.Set<BriefingAction>().AsNoTracking()
                             where a.DoneOn == null && a.DueOn < today
                             join l in db.Set<BriefingLog>() on a.BriefingLogId equals l.Id
                             where agencyIds.Contains(l.AgencyId)
                             orderby a.DueOn
                             select new { l.AgencyId, l.Team, a.Description, a.Owner, a.DueOn }).ToListAsync(cancellationToken);
        return overdue.GroupBy(a => a.AgencyId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)
            [
                $"Overdue briefing actions ({g.Count()}): " + string.Join("; ", g.Take(Named).Select(a => $"{a.Description} ({a.Team}, {a.Owner}, due {UkTime.FormatDate(a.DueOn)})"))
                    + (g.Count() > Named ? $"; and {g.Count() - Named} more" : "") + ".",
                $"Briefing actions: {urls.Absolute("/briefings/actions?agencyId=" + g.Key)}",
            ]);
    }
}

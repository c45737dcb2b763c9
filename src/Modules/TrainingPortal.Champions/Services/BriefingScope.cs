using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Services;

/// <summary>
/// Which agencies' briefings the current user may record and read: the training unit every agency, a safeguarding
/// lead the agencies they lead, a neglect champion the agencies they are an active champion for today.
/// </summary>
public sealed class BriefingScope(PortalDbContext db, AgencyScope agencies, ICurrentUser currentUser, TimeProvider clock)
{
    private IReadOnlyList<Guid>? allowed;

    public bool SeesAllAgencies => agencies.SeesAllAgencies;

    public async Task<bool> CanLogForAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        SeesAllAgencies || (await AgenciesAsync(cancellationToken)).Contains(agencyId);

    /// <summary>The agencies the user may record briefings for (every active agency for the training unit).</summary>
    public async Task<IReadOnlyList<Guid>> AgenciesAsync(CancellationToken cancellationToken = default)
    {
        if (allowed is null)
        {
            if (SeesAllAgencies)
            {
                allowed = await db.AllAgencies().Where(a => a.IsActive).Select(a => a.Id).ToListAsync(cancellationToken);
            }
            else
            {
                var led = await agencies.LedAgenciesAsync(cancellationToken);
                var championed = await ChampionedAgenciesAsync(cancellationToken);
                allowed = led.Union(championed).ToList();
            }
        }
        return allowed;
    }

    private async Task<IReadOnlyList<Guid>> ChampionedAgenciesAsync(CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.NeglectChampion))
        {
            return [];
        }
        var today = UkTime.Today(clock);
        return await (from s in db.Set<ChampionSpell>()
                      where s.Status == SpellStatus.Active && s.StartDate <= today
                      join c in db.Set<Champion>() on s.ChampionId equals c.Id
                      join p in db.AllPractitioners() on c.PractitionerId equals p.Id
                      where p.UserId == userId
                      select c.AgencyId).Distinct().ToListAsync(cancellationToken);
    }
}

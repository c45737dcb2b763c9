using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Which agencies the current user may see staff of. The training unit and administrators see every agency;
/// a safeguarding lead only the agencies they lead. Every service that returns named staff asks this first.
/// </summary>
public sealed class AgencyScope(PortalDbContext db, ICurrentUser currentUser)
{
    private IReadOnlyList<Guid>? ledAgencies;

    /// <summary>True for roles that see every agency.</summary>
    public bool SeesAllAgencies =>
        currentUser.IsInRole(Roles.Administrator) || currentUser.IsInRole(Roles.TrainingCoordinator);

    public async Task<bool> CanManageAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        SeesAllAgencies || (await LedAgenciesAsync(cancellationToken)).Contains(agencyId);

    /// <summary>The agencies the user leads (empty for those who lead none).</summary>
    public async Task<IReadOnlyList<Guid>> LedAgenciesAsync(CancellationToken cancellationToken = default)
    {
        if (ledAgencies is null)
        {
            var userId = currentUser.UserId;
            ledAgencies = userId is null || !currentUser.IsInRole(Roles.SafeguardingLead)
                ? []
                : await db.Set<AgencyLead>().Where(l => l.UserId == userId).Select(l => l.AgencyId).ToListAsync(cancellationToken);
        }
        return ledAgencies;
    }

    /// <summary>Agencies the user can see, as a query to compose with.</summary>
    public async Task<IQueryable<Agency>> VisibleAgenciesAsync(CancellationToken cancellationToken = default)
    {
        var agencies = db.Set<Agency>().AsNoTracking();
        if (SeesAllAgencies)
        {
            return agencies;
        }
        var led = await LedAgenciesAsync(cancellationToken);
        return agencies.Where(a => led.Contains(a.Id));
    }
}

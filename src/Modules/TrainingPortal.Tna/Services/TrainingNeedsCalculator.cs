using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core;
using TrainingPortal.Data;

namespace TrainingPortal.Tna.Services;

/// <summary>One agency's staff in one workforce group against one requirement of the group, for a TNA year.</summary>
public sealed record ComputedNeed(Guid AgencyId, int WorkforceGroupId, Guid RequirementId, int Staff, int Needing);

/// <summary>
/// The computed side of the TNA, in the database: for every agency, workforce group and requirement of the group, how
/// many of today's staff need the training during the year because they have no valid record of any of the
/// requirement's courses (main course or accepted alternative) or the best one expires by the year's end. The records
/// are read the way compliance reads them (<see cref="ComplianceCalculator.LatestExpiries"/>), so the two agree.
/// </summary>
public sealed class TrainingNeedsCalculator(PortalDbContext db, ComplianceCalculator compliance, TimeProvider clock)
{
    public DateOnly Today => UkTime.Today(clock);

    /// <summary>Needs for a year ending on <paramref name="endsOn"/>, for one agency or (null) all of them.</summary>
    public async Task<IReadOnlyList<ComputedNeed>> ComputeAsync(DateOnly endsOn, Guid? agencyId = null, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var staff = db.MembershipsInPost(today);
        if (agencyId is { } id)
        {
            staff = staff.Where(m => m.AgencyId == id);
        }
        // No record reads as the earliest date, so one comparison says "needs it" and the database looks records up once.
        var rows = await compliance.LatestExpiries(staff, today)
            .Select(e => new { e.AgencyId, e.WorkforceGroupId, e.RequirementId, Needs = (e.LatestExpiry ?? DateOnly.MinValue) <= endsOn ? 1 : 0 })
            .GroupBy(e => new { e.AgencyId, e.WorkforceGroupId, e.RequirementId })
            .Select(g => new { g.Key.AgencyId, g.Key.WorkforceGroupId, g.Key.RequirementId, Staff = g.Count(), Needing = g.Sum(e => e.Needs) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ComputedNeed(r.AgencyId, r.WorkforceGroupId, r.RequirementId, r.Staff, r.Needing)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Services;

public sealed record PractitionerMembershipLink(Guid AgencyId, string AgencyName, bool IsCurrent);

public sealed record PractitionerSearchRow(Guid Id, string Name, string? Email, bool HasAccount, IReadOnlyList<PractitionerMembershipLink> Memberships);

/// <summary>Finds people across every agency. Only for the training unit (permission <see cref="Permissions.ViewAllPractitioners"/>).</summary>
public sealed class PractitionerSearch(PortalDbContext db, TimeProvider clock)
{
    public async Task<PagedList<PractitionerSearchRow>> SearchAsync(string? search, int page, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var query = db.Set<Practitioner>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            query = query.Where(p => (p.FirstName + " " + p.LastName).ToLower().Contains(term) || (p.Email != null && p.Email.Contains(term)));
        }
        var people = await query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName, p.Email, HasAccount = p.UserId != null })
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
        var ids = people.Items.Select(p => p.Id).ToList();
        var current = db.CurrentMemberships(today).Select(m => m.Id);
        var memberships = await db.Set<AgencyMembership>().AsNoTracking()
            .Where(m => ids.Contains(m.PractitionerId))
            .Select(m => new { m.PractitionerId, m.AgencyId, AgencyName = m.Agency!.Name, IsCurrent = current.Contains(m.Id) })
            .ToListAsync(cancellationToken);
        var rows = people.Items.Select(p => new PractitionerSearchRow(p.Id, p.Name, p.Email, p.HasAccount,
            memberships.Where(m => m.PractitionerId == p.Id).OrderBy(m => m.AgencyName)
                .Select(m => new PractitionerMembershipLink(m.AgencyId, m.AgencyName, m.IsCurrent))
                .ToList())).ToList();
        return new PagedList<PractitionerSearchRow>(rows, people.Page, people.PageSize, people.TotalCount);
    }
}

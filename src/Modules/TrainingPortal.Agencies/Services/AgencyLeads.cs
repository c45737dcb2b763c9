using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// One safeguarding lead of one agency, with the address to write to. Built in the database with an object
/// initialiser, so queries can still filter, join and sort on it.
/// </summary>
public sealed record LeadContact
{
    public Guid AgencyId { get; init; }

    public Guid UserId { get; init; }

    public required string Email { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }
}

/// <summary>Who leads each agency, as a query other modules join on to write to the leads.</summary>
public static class AgencyLeads
{
    /// <summary>
    /// Every agency's safeguarding leads whose account has an email address: one row per agency and lead, so a person
    /// who leads two agencies is here twice.
    /// </summary>
    /// <param name="db">The portal's database.</param>
    /// <param name="onlyHoldingLeadRole">
    /// Leave out accounts that no longer hold the safeguarding lead role: <see cref="AgencyScope"/> gives them nothing,
    /// so mail that links to what only a lead may open goes to the others.
    /// </param>
    public static IQueryable<LeadContact> LeadContacts(this PortalDbContext db, bool onlyHoldingLeadRole = false)
    {
        var leads = from l in db.Set<AgencyLead>().AsNoTracking()
                    join u in db.Accounts() on l.UserId equals u.Id
                    where u.Email != null
                    select new LeadContact { AgencyId = l.AgencyId, UserId = u.Id, Email = u.Email!, FirstName = u.FirstName, LastName = u.LastName };
        if (onlyHoldingLeadRole)
        {
            var holders = db.AccountIdsInRole(Roles.SafeguardingLead);
            leads = leads.Where(l => holders.Contains(l.UserId));
        }
        return leads;
    }
}

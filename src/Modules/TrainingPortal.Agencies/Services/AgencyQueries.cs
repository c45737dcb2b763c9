using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Agencies' records as other modules may read them, for joining in the database (names on registers, bookings,
/// certificates and course pages). They read without tracking: only this module changes them. Which memberships count
/// is in <see cref="MembershipQueries"/>; who leads an agency in <see cref="AgencyLeads"/>.
/// </summary>
public static class AgencyQueries
{
    /// <summary>Every agency, active or not: a booking or a charge stays with the agency it was made through.</summary>
    public static IQueryable<Agency> AllAgencies(this PortalDbContext db) => db.Set<Agency>().AsNoTracking();

    /// <summary>Every practitioner (learning record): name, email address and the account linked to it.</summary>
    public static IQueryable<Practitioner> AllPractitioners(this PortalDbContext db) => db.Set<Practitioner>().AsNoTracking();

    /// <summary>Every sector, for a course's audience.</summary>
    public static IQueryable<Sector> AllSectors(this PortalDbContext db) => db.Set<Sector>().AsNoTracking();

    /// <summary>Every workforce group, for a course's audience.</summary>
    public static IQueryable<Team> AllTeams(this PortalDbContext db) => db.Set<Team>().AsNoTracking();

    public static IQueryable<WorkforceGroup> AllWorkforceGroups(this PortalDbContext db) => db.Set<WorkforceGroup>().AsNoTracking();
}

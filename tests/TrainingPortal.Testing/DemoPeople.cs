using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.Testing;

/// <summary>A demo practitioner as a newcomer test needs them: their record, agency and a course they have on record.</summary>
public sealed record DemoPractitioner(Guid PractitionerId, string FirstName, string LastName, string Email, Guid AgencyId, string Agency, string CourseTitle);

/// <summary>People the demo recipe holds that tests keep looking for.</summary>
public static class DemoPeople
{
    /// <summary>The police force, the health trust, and one of the trust's nurses who does not also work for the police.</summary>
    public static Task<(Guid Police, Guid Health, Guid Nurse)> PoliceHealthAndANurseAsync(this PortalApp app) => app.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var police = await db.Set<Agency>().Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
        var health = await db.Set<Agency>().Where(a => a.Name == "Northshire Community Health NHS Trust").Select(a => a.Id).SingleAsync();
        var nurse = await db.Set<AgencyMembership>().Where(m => m.AgencyId == health && !db.Set<AgencyMembership>().Any(o => o.PractitionerId == m.PractitionerId && o.AgencyId == police))
            .Select(m => m.PractitionerId).FirstAsync();
        return (police, health, nurse);
    });

    /// <summary>A demo practitioner of one agency, with training on record, who has never had an account.</summary>
    public static Task<DemoPractitioner> PractitionerWithTrainingAndNoAccountAsync(this PortalApp app) => app.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var found = await db.Set<Practitioner>().AsNoTracking()
            .Where(p => p.UserId == null && p.Email != null && p.Memberships.Count == 1
                && p.Memberships.Any(m => m.Status == MembershipStatus.Confirmed && m.LeavingDate == null)
                && db.Set<TrainingRecord>().Any(r => r.PractitionerId == p.Id))
            .OrderBy(p => p.Email)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Email, p.Memberships.First().AgencyId, Agency = p.Memberships.First().Agency!.Name })
            .FirstAsync();
        var course = await db.Set<TrainingRecord>().Where(r => r.PractitionerId == found.Id)
            .Join(db.Set<CourseVersion>(), r => r.CourseVersionId, v => v.Id, (r, v) => v.Title).FirstAsync();
        return new DemoPractitioner(found.Id, found.FirstName, found.LastName, found.Email!, found.AgencyId, found.Agency, course);
    });
}

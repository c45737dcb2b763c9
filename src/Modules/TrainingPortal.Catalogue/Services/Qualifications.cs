using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Services;

/// <summary>A prerequisite the person has not met, by name, for refusals ("Needs: Neglect basic awareness").</summary>
public sealed record MissingPrerequisite(Guid CourseId, string Code, string Title);

/// <summary>
/// What a person's valid training records qualify them for: prerequisites met, GCP2 licences held.
/// Used by the catalogue, and by the sessions module before it accepts a booking or a GCP2 trainer.
/// </summary>
public sealed class Qualifications(PortalDbContext db, TimeProvider clock)
{
    private DateOnly Today => UkTime.Today(clock);

    /// <summary>The course's prerequisites for which the person holds no valid, approved record.</summary>
    public async Task<IReadOnlyList<MissingPrerequisite>> MissingPrerequisitesAsync(Guid practitionerId, Guid courseId, CancellationToken cancellationToken = default)
    {
        var today = Today;
        return await db.Set<CoursePrerequisite>().AsNoTracking()
            .Where(p => p.CourseId == courseId)
            .Where(p => !db.Set<TrainingRecord>().Any(r => r.PractitionerId == practitionerId && r.CourseId == p.RequiredCourseId
                && r.Status == RecordStatus.Approved && (r.ExpiresOn == null || r.ExpiresOn > today)))
            .Join(db.Set<Course>(), p => p.RequiredCourseId, c => c.Id, (p, c) => c)
            .Select(c => new MissingPrerequisite(c.Id, c.Code,
                db.Set<CourseVersion>().Where(v => v.CourseId == c.Id).OrderByDescending(v => v.Number).Select(v => v.Title).First()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>True when the person has a valid record of a course that grants <paramref name="licence"/>.</summary>
    public async Task<bool> HoldsAsync(Guid practitionerId, CourseLicence licence, CancellationToken cancellationToken = default)
    {
        var today = Today;
        return await db.Set<TrainingRecord>().AsNoTracking()
            .Where(r => r.PractitionerId == practitionerId && r.Status == RecordStatus.Approved && (r.ExpiresOn == null || r.ExpiresOn > today))
            .Join(db.Set<CourseVersion>(), r => r.CourseVersionId, v => v.Id, (r, v) => v.Licence)
            .AnyAsync(l => l == licence, cancellationToken);
    }

    /// <summary>Practitioner ids holding a licence now: the GCP2 register and the trainers who may deliver GCP2 sessions.</summary>
    public IQueryable<Guid> HoldersOf(CourseLicence licence)
    {
        var today = Today;
        return db.Set<TrainingRecord>()
            .Where(r => r.Status == RecordStatus.Approved && (r.ExpiresOn == null || r.ExpiresOn > today))
            .Join(db.Set<CourseVersion>(), r => r.CourseVersionId, v => v.Id, (r, v) => new { r.PractitionerId, v.Licence })
            .Where(x => x.Licence == licence)
            .Select(x => x.PractitionerId)
            .Distinct();
    }
}

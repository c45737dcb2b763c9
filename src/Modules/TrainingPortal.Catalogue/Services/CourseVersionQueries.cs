using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Services;

/// <summary>Queries other modules use to read courses as they stand now. They read without tracking: only this module changes courses.</summary>
public static class CourseVersionQueries
{
    /// <summary>Every course, whatever its status (its code; what it teaches is on its versions).</summary>
    public static IQueryable<Course> AllCourses(this PortalDbContext db) => db.Set<Course>().AsNoTracking();

    /// <summary>Every version of every course, whatever its status.</summary>
    public static IQueryable<CourseVersion> AllCourseVersions(this PortalDbContext db) => db.Set<CourseVersion>().AsNoTracking();

    /// <summary>Each course's current (highest-numbered) version, for joining or filtering in the database.</summary>
    public static IQueryable<CourseVersion> CurrentCourseVersions(this PortalDbContext db) =>
        db.Set<CourseVersion>().Where(v => v.Number == db.Set<CourseVersion>().Where(x => x.CourseId == v.CourseId).Max(x => x.Number));

    /// <summary>The current versions of published courses.</summary>
    public static IQueryable<CourseVersion> PublishedCourseVersions(this PortalDbContext db) =>
        db.CurrentCourseVersions().Where(v => db.Set<Course>().Any(c => c.Id == v.CourseId && c.Status == CourseStatus.Published));
}

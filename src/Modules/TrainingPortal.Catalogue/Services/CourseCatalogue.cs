using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Services;

public sealed record CatalogueFilter(string? Keyword = null, CourseLevel? Level = null, DeliveryMode? Mode = null, int? SectorId = null, int? WorkforceGroupId = null);

/// <summary>A course as the catalogue lists it (its current version).</summary>
public sealed record CourseCard(
    Guid Id, string Code, string Title, string Summary, CourseLevel Level, DeliveryMode Mode, int DurationMinutes,
    int? ValidityMonths, IReadOnlyList<int> SectorIds, IReadOnlyList<int> GroupIds, CourseStatus Status, DateOnly? ReviewDate);

public sealed record CourseDetail(
    CourseCard Course, Guid VersionId, int Version, IReadOnlyList<string> Outcomes, IReadOnlyList<PrerequisiteView> Prerequisites,
    bool RequiresApproval, CourseLicence Licence, string? Owner, int LessonCount, bool HasKnowledgeCheck, int? PassMark, int? MaxAttempts,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Groups);

public sealed record PrerequisiteView(Guid CourseId, string Code, string Title);

/// <summary>
/// Reads the catalogue. Published courses are kept in memory for a short time (they change rarely and every
/// practitioner browses them); editing a course clears the cache.
/// </summary>
public sealed class CourseCatalogue(PortalDbContext db, IMemoryCache cache)
{
    private const string PublishedKey = "catalogue:published";

    public static void Invalidate(IMemoryCache cache) => cache.Remove(PublishedKey);

    /// <summary>Published courses matching the filter, ordered by level then title.</summary>
    public async Task<IReadOnlyList<CourseCard>> SearchAsync(CatalogueFilter filter, CancellationToken cancellationToken = default)
    {
        var all = await PublishedAsync(cancellationToken);
        IEnumerable<CourseCard> courses = all;
        if (!string.IsNullOrWhiteSpace(filter.Keyword))
        {
            var words = filter.Keyword.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            courses = courses.Where(c => words.All(w => c.Title.Contains(w, StringComparison.OrdinalIgnoreCase)
                || c.Summary.Contains(w, StringComparison.OrdinalIgnoreCase) || c.Code.Contains(w, StringComparison.OrdinalIgnoreCase)));
        }
        if (filter.Level is { } level)
        {
            courses = courses.Where(c => c.Level == level);
        }
        if (filter.Mode is { } mode)
        {
            courses = courses.Where(c => c.Mode == mode);
        }
        if (filter.SectorId is { } sector)
        {
            courses = courses.Where(c => c.SectorIds.Count == 0 || c.SectorIds.Contains(sector));
        }
        if (filter.WorkforceGroupId is { } group)
        {
            courses = courses.Where(c => c.GroupIds.Count == 0 || c.GroupIds.Contains(group));
        }
        return courses.ToList();
    }

    public async Task<IReadOnlyList<CourseCard>> PublishedAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(PublishedKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return InCatalogueOrder(await Cards(db.Set<Course>().Where(c => c.Status == CourseStatus.Published)).ToListAsync(cancellationToken));
        }))!;

    /// <summary>Every course, including drafts and retired ones, for the training unit.</summary>
    public async Task<IReadOnlyList<CourseCard>> AllAsync(CancellationToken cancellationToken = default) =>
        InCatalogueOrder(await Cards(db.Set<Course>()).ToListAsync(cancellationToken));

    // Levels are stored as words, so order them here: awareness first, specialist last.
    private static List<CourseCard> InCatalogueOrder(List<CourseCard> cards) => cards.OrderBy(c => c.Level).ThenBy(c => c.Title).ToList();

    public async Task<CourseDetail?> GetAsync(string code, bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        var course = await db.Set<Course>().AsNoTracking()
            .Where(c => c.Code == code && (includeUnpublished || c.Status == CourseStatus.Published))
            .Select(c => new { c.Id, c.Code, c.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return null;
        }
        var version = await db.Set<CourseVersion>().AsNoTracking().Where(v => v.CourseId == course.Id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        var lessons = await db.Set<Lesson>().CountAsync(l => l.CourseVersionId == version.Id, cancellationToken);
        var questions = await db.Set<Question>().CountAsync(q => q.CourseVersionId == version.Id, cancellationToken);
        var prerequisites = await db.Set<CoursePrerequisite>().AsNoTracking().Where(p => p.CourseId == course.Id)
            .Join(db.Set<Course>(), p => p.RequiredCourseId, c => c.Id, (p, c) => c)
            .Select(c => new PrerequisiteView(c.Id, c.Code, db.Set<CourseVersion>().Where(v => v.CourseId == c.Id).OrderByDescending(v => v.Number).Select(v => v.Title).First()))
            .ToListAsync(cancellationToken);
        var sectors = await db.AllSectors().Where(s => version.AudienceSectorIds.Contains(s.Id)).OrderBy(s => s.Order).Select(s => s.Name).ToListAsync(cancellationToken);
        var groups = await db.AllWorkforceGroups().Where(g => version.AudienceGroupIds.Contains(g.Id)).OrderBy(g => g.Order).Select(g => g.Name).ToListAsync(cancellationToken);
        var card = new CourseCard(course.Id, course.Code, version.Title, version.Summary, version.Level, version.DeliveryMode, version.DurationMinutes,
            version.ValidityMonths, version.AudienceSectorIds, version.AudienceGroupIds, course.Status, version.ReviewDate);
        return new CourseDetail(card, version.Id, version.Number, version.OutcomeList.ToList(), prerequisites, version.RequiresApproval, version.Licence,
            version.Owner, lessons, questions > 0 && version.PassMark is not null, version.PassMark, version.MaxAttempts, sectors, groups);
    }

    /// <summary>Courses whose review date has passed: their content needs refreshing with recent learning.</summary>
    public async Task<IReadOnlyList<CourseCard>> DueForReviewAsync(DateOnly today, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).Where(c => c.Status != CourseStatus.Retired && c.ReviewDate is { } review && review < today).OrderBy(c => c.ReviewDate).ToList();

    private IQueryable<CourseCard> Cards(IQueryable<Course> courses) =>
        courses.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Status, Version = db.Set<CourseVersion>().Where(v => v.CourseId == c.Id).OrderByDescending(v => v.Number).First() })
            .Select(x => new CourseCard(x.Id, x.Code, x.Version.Title, x.Version.Summary, x.Version.Level, x.Version.DeliveryMode,
                x.Version.DurationMinutes, x.Version.ValidityMonths, x.Version.AudienceSectorIds, x.Version.AudienceGroupIds, x.Status, x.Version.ReviewDate));
}

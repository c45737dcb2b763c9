namespace TrainingPortal.Catalogue.Services;

/// <summary>A scheduled run of a course, as the course page lists it.</summary>
public sealed record UpcomingSession(Guid Id, DateTime StartsAtUtc, DateTime EndsAtUtc, string Where, int PlacesLeft, string BookUrl);

/// <summary>
/// Implemented by the sessions module so a course page can list upcoming sessions without the catalogue depending
/// on it. Absent when that module is not enabled.
/// </summary>
public interface ICourseSessions
{
    Task<IReadOnlyList<UpcomingSession>> UpcomingAsync(Guid courseId, CancellationToken cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>The places the partnership has scheduled, for planning: what other modules read instead of the sessions table.</summary>
public static class ScheduledPlaces
{
    /// <summary>
    /// Places offered per course by sessions starting from <paramref name="from"/> to <paramref name="to"/> (UK days,
    /// both included): the capacity of every session that is not cancelled, whether or not it has run yet.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> PlacesPerCourseAsync(this PortalDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var start = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return await db.Set<Session>().AsNoTracking()
            .Where(s => s.Status != SessionStatus.Cancelled && s.StartsAtUtc >= start && s.StartsAtUtc < end)
            .GroupBy(s => s.CourseId)
            .Select(g => new { CourseId = g.Key, Places = g.Sum(s => s.Capacity) })
            .ToDictionaryAsync(g => g.CourseId, g => g.Places, cancellationToken);
    }
}

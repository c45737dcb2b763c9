using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Services;

/// <summary>
/// Scale data for sessions: a year of the curriculum's face-to-face and virtual courses (six months back, six ahead,
/// two sessions a week of each), past sessions with their registers taken and future ones part-booked.
/// </summary>
internal sealed class SessionsScaleSeeder(PortalDbContext db, TimeProvider clock) : IScaleSeeder
{
    public const int SessionsPerWeekPerCourse = 2;
    public const int Capacity = 24;

    public int Order => 300;

    public async Task<string> SeedAsync(ScaleSeedOptions options, CancellationToken cancellationToken)
    {
        if (await db.Set<Session>().AnyAsync(s => s.CheckInCode == "SCALE0", cancellationToken))
        {
            return "Sessions: scale sessions already present, nothing added";
        }
        var courses = await db.PublishedCourseVersions().AsNoTracking()
            .Where(v => v.DeliveryMode == DeliveryMode.FaceToFace || v.DeliveryMode == DeliveryMode.VirtualClassroom)
            .Select(v => new { v.CourseId, v.DeliveryMode })
            .ToListAsync(cancellationToken);
        // Ids only: 50,000 pairs is a few megabytes, and each session takes a different slice of them.
        var members = await db.KnownMemberships().Where(m => m.Status == MembershipStatus.Confirmed)
            .OrderBy(m => m.Id).Select(m => new { m.PractitionerId, m.AgencyId }).ToListAsync(cancellationToken);
        if (courses.Count == 0 || members.Count == 0)
        {
            return "Sessions: no courses or staff to book, nothing added";
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(UkTime.FromUtc(now));
        var firstMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 26 * 7);
        var sessions = new List<Session>();
        var bookings = new List<Booking>();
        var cursor = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var week = 0; week < 52; week++)
        {
            for (var c = 0; c < courses.Count; c++)
            {
                for (var k = 0; k < SessionsPerWeekPerCourse; k++)
                {
                    var day = firstMonday.AddDays(week * 7 + (c + k * 2) % 5);
                    var start = UkTime.ToUtc(day.ToDateTime(new TimeOnly(9, 30)));
                    var past = start < now;
                    var session = new Session
                    {
                        Id = Guid.NewGuid(), CourseId = courses[c].CourseId, StartsAtUtc = start, EndsAtUtc = start.AddHours(6.5),
                        VenueName = courses[c].DeliveryMode == DeliveryMode.VirtualClassroom ? null : $"Training room {1 + (c + k) % 4}",
                        JoiningLink = courses[c].DeliveryMode == DeliveryMode.VirtualClassroom ? "https://meet.scale.example/session" : null,
                        Capacity = Capacity, BookingClosesOn = day.AddDays(-1), Status = past ? SessionStatus.Completed : SessionStatus.Scheduled,
                        RegisterClosedAt = past ? start.AddHours(7) : null,
                        CheckInCode = sessions.Count == 0 ? "SCALE0" : SessionScheduler.NewCheckInCode(), CreatedAt = now,
                    };
                    // Past sessions were full; the further ahead, the emptier.
                    var taken = past ? Capacity : Math.Max(0, Capacity - (int)((start - now).TotalDays / 7));
                    var held = 0;
                    for (var i = 0; i < taken; i++)
                    {
                        var member = members[cursor++ % members.Count];
                        var status = !past ? BookingStatus.Booked : (i % 12 == 5 ? BookingStatus.DidNotAttend : i % 17 == 3 ? BookingStatus.LateCancelled : BookingStatus.Attended);
                        held += BookingRules.HoldsPlace(status) ? 1 : 0;
                        bookings.Add(new Booking
                        {
                            Id = Guid.NewGuid(), SessionId = session.Id, PractitionerId = member.PractitionerId, AgencyId = member.AgencyId,
                            Status = status, CreatedAt = start.AddDays(-30), ChargePence = status is BookingStatus.DidNotAttend or BookingStatus.LateCancelled ? 5000 : 0,
                        });
                    }
                    session.BookedCount = held;
                    sessions.Add(session);
                }
            }
        }
        db.Set<Session>().AddRange(sessions);
        db.Set<Booking>().AddRange(bookings);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return $"Sessions: {sessions.Count} sessions, {bookings.Count} bookings";
    }
}

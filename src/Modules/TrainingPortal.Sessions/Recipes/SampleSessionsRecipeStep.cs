using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Recipes;

/// <summary>
/// <c>{ "name": "SampleSessions", "weeks": 12 }</c>: for demonstrations, schedules the coming weeks' sessions of every
/// published face-to-face and virtual course, delivered by the recipe's trainers (GCP2 sessions only by a licensed
/// GCP2 trainer). Nothing is added when sessions already exist.
/// </summary>
internal sealed class SampleSessionsRecipeStep(PortalDbContext db, SessionScheduler scheduler, TimeProvider clock) : IRecipeStep
{
    private static readonly (string Name, string Address, string Access)[] Venues =
    [
        ("Civic Centre, Committee Room 2", "Market Street, Northshire NS1 2AB", "Step-free entrance on Market Street; hearing loop; accessible toilet on this floor."),
        ("Northshire Education Centre", "14 College Road, Northshire NS3 4CD", "Ground floor training room; parking for blue badge holders at the front."),
        ("Riverside Health Campus, Seminar Suite", "Riverside Way, Northshire NS5 6EF", "Lift to the first floor; quiet room available on request."),
    ];

    public string Name => "SampleSessions";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (await db.Set<Session>().AnyAsync(cancellationToken))
        {
            context.Log.Add("Sample sessions: sessions already exist, nothing added");
            return;
        }
        var weeks = step.TryGetProperty("weeks", out var w) ? w.GetInt32() : 12;
        var trainers = await scheduler.TrainersAsync(cancellationToken);
        if (trainers.Count == 0)
        {
            context.Log.Add("Sample sessions: no trainers, nothing added");
            return;
        }
        var courses = await db.PublishedCourseVersions().AsNoTracking()
            .Where(v => v.DeliveryMode == DeliveryMode.FaceToFace || v.DeliveryMode == DeliveryMode.VirtualClassroom)
            .ToListAsync(cancellationToken);
        var today = UkTime.Today(clock);
        var added = 0;
        for (var i = 0; i < courses.Count; i++)
        {
            var course = courses[i];
            var licensedOnly = course.Licence == CourseLicence.Gcp2Practitioner;
            var eligible = trainers.Where(t => !licensedOnly || t.IsGcp2Trainer).ToList();
            if (eligible.Count == 0)
            {
                continue;
            }
            // Every course runs about once a fortnight, staggered so no two start on the same day.
            for (var week = 1 + i % 2; week <= weeks; week += 2)
            {
                var date = today.AddDays(week * 7 - (int)today.DayOfWeek + 2 + i % 3);
                var days = Math.Max(1, (int)Math.Ceiling(course.DurationMinutes / 390.0));
                var venue = Venues[(i + week) % Venues.Length];
                var input = new SessionInput
                {
                    CourseId = course.CourseId,
                    Date = date,
                    StartTime = "09:30",
                    EndTime = days > 1 || course.DurationMinutes >= 360 ? "16:30" : $"{9 + (course.DurationMinutes + 30) / 60:00}:{(course.DurationMinutes + 30) % 60:00}",
                    IsVirtual = course.DeliveryMode == DeliveryMode.VirtualClassroom,
                    JoiningLink = course.DeliveryMode == DeliveryMode.VirtualClassroom ? $"https://meet.northshire-scp.example/{course.CourseId.ToString()[..8]}-{week}" : null,
                    VenueName = venue.Name,
                    VenueAddress = venue.Address,
                    AccessibilityNotes = venue.Access,
                    Capacity = licensedOnly ? 12 : 20,
                    TrainerIds = [eligible[(i + week) % eligible.Count].UserId],
                };
                var result = await scheduler.ScheduleAsync(input, cancellationToken);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"SampleSessions: {course.Title}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
                }
                added++;
            }
        }
        context.Log.Add($"Sample sessions: {added} scheduled");
    }
}

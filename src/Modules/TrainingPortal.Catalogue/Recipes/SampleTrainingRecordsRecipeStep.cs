using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Catalogue.Recipes;

/// <summary>
/// <c>{ "name": "SampleTrainingRecords", "years": 3, "seed": 7 }</c>: for demonstrations, gives each practitioner a
/// plausible history over the last few years, following their workforce group (basic for everyone, advanced for
/// groups 2–4, GCP2 for some of group 3), with some people missing training or overdue a refresher.
/// Applied once: the step notes when it ran (<see cref="AddedAtKey"/>), because the people it gave no records by chance
/// would otherwise be given new ones each time the recipe is applied again.
/// </summary>
internal sealed class SampleTrainingRecordsRecipeStep(PortalDbContext db, PortalSettings settings, TimeProvider clock) : IRecipeStep
{
    public const string AddedAtKey = "Catalogue:SampleTrainingRecordsAddedAt";

    public string Name => "SampleTrainingRecords";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(AddedAtKey, cancellationToken) is not null)
        {
            context.Log.Add("Sample training records: already added");
            return;
        }
        var years = step.TryGetProperty("years", out var y) ? y.GetInt32() : 3;
        var random = new Random(step.TryGetProperty("seed", out var s) ? s.GetInt32() : 7);
        var today = UkTime.Today(clock);
        var versions = await db.Set<CourseVersion>().AsNoTracking()
            .Join(db.Set<Course>().Where(c => c.Status == CourseStatus.Published), v => v.CourseId, c => c.Id, (v, c) => new { c.Code, Version = v })
            .ToListAsync(cancellationToken);
        var current = versions.GroupBy(v => v.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Version.Number).First().Version);
        var people = await db.KnownMemberships()
            .Where(m => m.Status == MembershipStatus.Confirmed && !db.Set<TrainingRecord>().Any(r => r.PractitionerId == m.PractitionerId))
            .Select(m => new { m.PractitionerId, Group = m.WorkforceGroup!.Code, m.StartDate })
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var person in people.GroupBy(p => p.PractitionerId).Select(g => g.OrderByDescending(p => p.Group).First()))
        {
            var plan = new List<string> { "NEG-BASIC" };
            if (person.Group is "G2" or "G3" or "G4")
            {
                plan.Add("NEG-ADV");
            }
            if (person.Group == "G3")
            {
                plan.Add("GCP2-PRAC");
            }
            if (random.NextDouble() < 0.3)
            {
                plan.Add("THRESH");
            }
            var earliest = person.StartDate is { } start && start > today.AddYears(-years) ? start : today.AddYears(-years);
            var span = Math.Max(1, today.DayNumber - earliest.DayNumber);
            var lastDate = earliest;
            foreach (var code in plan)
            {
                // About one in eight has not done a given course yet: compliance needs gaps to show.
                if (!current.TryGetValue(code, out var version) || random.NextDouble() < 0.125)
                {
                    continue;
                }
                var completed = lastDate.AddDays(random.Next(0, Math.Max(1, today.DayNumber - lastDate.DayNumber)));
                if (completed > today)
                {
                    completed = today;
                }
                lastDate = completed;
                db.Set<TrainingRecord>().Add(new TrainingRecord
                {
                    Id = Guid.NewGuid(), PractitionerId = person.PractitionerId, CourseId = version.CourseId, CourseVersionId = version.Id,
                    CompletedOn = completed, Source = version.DeliveryMode == DeliveryMode.ELearning ? TrainingSource.ELearning : TrainingSource.Session,
                    ScorePercent = version.PassMark is null ? null : random.Next(Math.Max(version.PassMark.Value, 70), 101),
                    ExpiresOn = version.ExpiryFor(completed), CertificateNumber = CertificateNumbers.New(), Status = RecordStatus.Approved,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
                count++;
            }
            _ = span;
        }
        await settings.SetAsync(AddedAtKey, clock.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        context.Log.Add($"Sample training records: {count} added");
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Recipes;

/// <summary>
/// <c>{ "name": "TrainingRecords", "records": [ { "email": "…", "course": "GCP2-TTT", "monthsAgo": 14 } ] }</c>: named
/// people's completed training, for example a trainer's GCP2 licence. Agencies finds the person by email among
/// practitioners, or gives the account with that email a learning record (<see cref="Learners.EnsureForEmailAsync"/>).
/// A course the person already has a record of is skipped.
/// </summary>
internal sealed class TrainingRecordsRecipeStep(PortalDbContext db, TrainingRecords records, Learners learners, TimeProvider clock) : IRecipeStep
{
    public string Name => "TrainingRecords";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var added = 0;
        foreach (var item in step.GetProperty("records").EnumerateArray())
        {
            var email = item.GetProperty("email").GetString()!.Trim().ToLowerInvariant();
            var code = item.GetProperty("course").GetString()!;
            var practitionerId = await learners.EnsureForEmailAsync(email, cancellationToken)
                ?? throw new InvalidOperationException($"TrainingRecords: nobody has the email {email}.");
            var version = await db.CurrentCourseVersions().Where(v => db.Set<Course>().Any(c => c.Id == v.CourseId && c.Code == code))
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"TrainingRecords: there is no course with the code {code}.");
            if (await db.Set<TrainingRecord>().AnyAsync(r => r.PractitionerId == practitionerId && r.CourseId == version.CourseId, cancellationToken))
            {
                continue;
            }
            var monthsAgo = item.TryGetProperty("monthsAgo", out var m) ? m.GetInt32() : 1;
            await records.AddCompletionAsync(practitionerId, version.Id, today.AddMonths(-monthsAgo), TrainingSource.Session, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            added++;
        }
        context.Log.Add($"Training records: {added} added");
    }
}

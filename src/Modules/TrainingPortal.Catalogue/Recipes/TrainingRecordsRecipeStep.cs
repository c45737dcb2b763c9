using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Catalogue.Recipes;

/// <summary>
/// <c>{ "name": "TrainingRecords", "records": [ { "email": "…", "course": "GCP2-TTT", "monthsAgo": 14 } ] }</c>: named
/// people's completed training, for example a trainer's GCP2 licence. The person is found by email among practitioners,
/// or is an account that gets a learning record linked to it. A course the person already has a record of is skipped.
/// </summary>
internal sealed class TrainingRecordsRecipeStep(PortalDbContext db, TrainingRecords records, TimeProvider clock) : IRecipeStep
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
            var practitionerId = await PractitionerAsync(email, cancellationToken);
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

    private async Task<Guid> PractitionerAsync(string email, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Practitioner>().Where(p => p.Email == email).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }
        var user = await db.Set<PortalUser>().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), cancellationToken)
            ?? throw new InvalidOperationException($"TrainingRecords: nobody has the email {email}.");
        var person = new Practitioner { Id = Guid.NewGuid(), FirstName = user.FirstName, LastName = user.LastName, Email = email, UserId = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Set<Practitioner>().Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }
}

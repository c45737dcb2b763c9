using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Services;

/// <summary>
/// Scale data for the catalogue: the curriculum (from the curriculum recipe) and about twenty training records per
/// practitioner over the last six years (a million for 50,000 people, the scale the bi-annual reports are measured at), generated inside the database in one INSERT … SELECT.
/// </summary>
internal sealed class CatalogueScaleSeeder(PortalDbContext db, IServiceProvider services, TimeProvider clock) : IScaleSeeder
{
    public const int RecordsPerPractitioner = 20;

    /// <summary>Days between one practitioner's successive records, so twenty records span about six years.</summary>
    private const int DaysApart = 105;

    public int Order => 200;

    public async Task<string> SeedAsync(ScaleSeedOptions options, CancellationToken cancellationToken)
    {
        if (!await db.Set<Course>().AnyAsync(cancellationToken))
        {
            var runner = services.GetServices<IRecipeStep>().Single(s => s.Name == "Courses");
            var recipes = services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
            var folder = recipes["Recipes:Path"] is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "content-recipes");
            using var curriculum = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "neglect-curriculum.recipe.json"), cancellationToken));
            foreach (var step in curriculum.RootElement.GetProperty("steps").EnumerateArray())
            {
                await runner.ExecuteAsync(step, new RecipeContext { RecipeName = "neglect-curriculum" }, cancellationToken);
            }
        }
        if (await db.Set<TrainingRecord>().AnyAsync(r => r.CertificateNumber.StartsWith("SCALE"), cancellationToken))
        {
            return "Catalogue: scale records already present, nothing added";
        }
        var versions = await db.Set<CourseVersion>().AsNoTracking()
            .Select(v => new { v.Id, v.CourseId, v.ValidityMonths })
            .ToListAsync(cancellationToken);
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var courseList = System.Text.Json.JsonSerializer.Serialize(versions.Select(v => new object[] { v.Id.ToString().ToUpperInvariant(), v.CourseId.ToString().ToUpperInvariant(), v.ValidityMonths ?? 0 }));
        var count = versions.Count;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(20));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Record k of practitioner n takes course (n + k) mod the number of courses, completed k × 105 days plus a spread of days ago.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "TrainingRecords" ("Id", "PractitionerId", "CourseId", "CourseVersionId", "CompletedOn", "Source", "ScorePercent",
                    "ExpiresOn", "CertificateNumber", "Status", "Provider", "Reason", "DecisionNote", "RecordedByUserId", "CreatedAt")
                SELECT gen_random_uuid(), p."Id", (c.v ->> 1)::uuid, (c.v ->> 0)::uuid, d.completed, 'Session', NULL,
                       CASE WHEN (c.v ->> 2)::int > 0 THEN (d.completed + make_interval(months => (c.v ->> 2)::int))::date END,
                       'SCALE-' || substr(md5(p."Id"::text || k::text), 1, 20), 'Approved', NULL, NULL, NULL, NULL, {now}
                FROM "Practitioners" p
                CROSS JOIN generate_series(0, {RecordsPerPractitioner - 1}) AS k
                CROSS JOIN LATERAL (SELECT ({courseList}::jsonb -> ((abs(hashtext(p."Id"::text)) + k) % {count})) AS v) c
                CROSS JOIN LATERAL (SELECT ({today}::date - (k * {DaysApart} + abs(hashtext(p."Id"::text || k::text)) % 100)) AS completed) d
                """, cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < {RecordsPerPractitioner - 1}),
                picked AS (
                    SELECT p."Id" AS pid, k.n AS n, p.rowid AS r,
                           json_extract({courseList}, '$[' || ((p.rowid + k.n) % {count}) || ']') AS v
                    FROM "Practitioners" p CROSS JOIN k),
                dated AS (
                    SELECT pid, n, r, v, date({today}, '-' || (n * {DaysApart} + (r * 37 + n * 11) % 100) || ' days') AS completed FROM picked)
                INSERT INTO "TrainingRecords" ("Id", "PractitionerId", "CourseId", "CourseVersionId", "CompletedOn", "Source", "ScorePercent",
                    "ExpiresOn", "CertificateNumber", "Status", "Provider", "Reason", "DecisionNote", "RecordedByUserId", "CreatedAt")
                SELECT printf('C%07X-0000-4000-8000-%012d', n, r), pid, json_extract(v, '$[1]'), json_extract(v, '$[0]'), completed, 'Session', NULL,
                       CASE WHEN json_extract(v, '$[2]') > 0 THEN date(completed, '+' || json_extract(v, '$[2]') || ' months') END,
                       printf('SCALE-%d-%d', r, n), 'Approved', NULL, NULL, NULL, NULL, {now}
                FROM dated
                """, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        var total = await db.Set<TrainingRecord>().CountAsync(cancellationToken);
        return $"Catalogue: {versions.Count} course versions, {total} training records";
    }
}

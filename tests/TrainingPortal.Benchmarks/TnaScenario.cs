using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Testing;
using TrainingPortal.Tna.Domain;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Benchmarks;

/// <summary>
/// The training needs analysis at scale, in-process against the scale database: the computed figures for every agency,
/// workforce group and requirement (<see cref="TrainingNeedsCalculator"/>), and the whole partnership view the
/// coordinator opens (<see cref="TnaGap"/>: those figures, submissions and places scheduled), each timed, beside one
/// hand-written SQL aggregate computing the same figures on the same database. Target: under 2 s.
/// </summary>
internal static class TnaScenario
{
    public const double TargetSeconds = 2;
    public const int Runs = 10;

    /// <summary>Per agency, group and requirement: current staff, and those whose best record is missing or expires by the year's end.</summary>
    public const string Aggregate = """
        SELECT AgencyId, WorkforceGroupId, RequirementId, COUNT(*) AS Staff,
               SUM(CASE WHEN COALESCE(Latest, '0001-01-01') <= $endsOn THEN 1 ELSE 0 END) AS Needing
        FROM (
            SELECT m.AgencyId, m.WorkforceGroupId, rg.RequirementId,
                   (SELECT MAX(COALESCE(t.ExpiresOn, '9999-12-31'))
                    FROM RequirementCourses rc
                    JOIN TrainingRecords t ON t.CourseId = rc.CourseId
                    WHERE rc.RequirementId = rg.RequirementId AND t.PractitionerId = m.PractitionerId
                      AND t.Status = 'Approved' AND t.CompletedOn <= $today) AS Latest
            FROM AgencyMemberships m
            JOIN RequirementGroups rg ON rg.WorkforceGroupId = m.WorkforceGroupId
            WHERE m.Status = 'Confirmed'
              AND (m.StartDate IS NULL OR m.StartDate <= $today) AND (m.LeavingDate IS NULL OR m.LeavingDate > $today)
        )
        GROUP BY AgencyId, WorkforceGroupId, RequirementId
        """;

    public static async Task RunAsync(string repository, BenchmarkOptions options)
    {
        await Site.SeedAsync(repository, options);
        // The in-process host finds its content root from the manifest beside this program, read from the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var database = Path.Combine(options.DataDirectory, "trainingportal.db");
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { ConnectionString = $"Data Source={database}", Recipe = null });
        var today = await app.InScopeAsync(s => Task.FromResult(UkTime.Today(s.GetRequiredService<TimeProvider>())));
        var year = today.Month >= 4 ? today.Year + 1 : today.Year;
        var analysisId = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            if (await db.Set<TrainingNeedsAnalysis>().SingleOrDefaultAsync(a => a.StartYear == year) is { } existing)
            {
                return existing.Id;
            }
            // The benchmark's own year, as the training unit would open it (without the emails).
            var analysis = new TrainingNeedsAnalysis
            {
                Id = Guid.NewGuid(), StartYear = year, StartsOn = TrainingNeedsAnalysis.StartOf(year), EndsOn = TrainingNeedsAnalysis.EndOf(year),
                Deadline = today.AddDays(28), OpenedAt = DateTime.UtcNow,
            };
            db.Add(analysis);
            await db.SaveChangesAsync();
            return analysis.Id;
        });
        var endsOn = TrainingNeedsAnalysis.EndOf(year);

        var rows = 0;
        var computed = await TimeAsync(() => app.InScopeAsync(async s => rows = (await s.GetRequiredService<TrainingNeedsCalculator>().ComputeAsync(endsOn)).Count));
        var view = await TimeAsync(() => app.InScopeAsync(async s => (await s.GetRequiredService<TnaGap>().ForAsync(analysisId))!.Courses.Count));
        var sqlRows = 0;
        var sql = await TimeAsync(async () => sqlRows = await AggregateAsync(database, today, endsOn));
        var (agencies, staff) = await app.InScopeAsync(async s =>
        {
            var partnership = (await s.GetRequiredService<TnaGap>().ForAsync(analysisId))!;
            return (partnership.Agencies.Count, await s.GetRequiredService<PortalDbContext>().Set<Agencies.Domain.AgencyMembership>().CountAsync());
        });

        Console.WriteLine();
        Console.WriteLine($"TNA {TrainingNeedsAnalysis.YearName(year)}: {agencies} agencies, {staff:N0} memberships, {rows} figures (agency × group × requirement); the SQL gives {sqlRows}");
        Console.WriteLine($"Computed figures (TrainingNeedsCalculator): median {computed.Median,7:0.0} ms   max {computed.Max,7:0.0} ms   over {Runs} runs");
        Console.WriteLine($"Partnership view (TnaGap):                 median {view.Median,7:0.0} ms   max {view.Max,7:0.0} ms   over {Runs} runs");
        Console.WriteLine($"Hand-written SQL aggregate:                median {sql.Median,7:0.0} ms   max {sql.Max,7:0.0} ms   over {Runs} runs");
        Console.WriteLine($"Computed / aggregate: {computed.Median / sql.Median:0.00}x; partnership view / aggregate: {view.Median / sql.Median:0.00}x");
        Console.WriteLine(view.Max < TargetSeconds * 1000 && rows == sqlRows ? $"Target (under {TargetSeconds} s) met" : $"Target (under {TargetSeconds} s, same figures) NOT MET");
    }

    private static async Task<int> AggregateAsync(string database, DateOnly today, DateOnly endsOn)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Aggregate;
        command.Parameters.AddWithValue("$today", today.ToString("yyyy-MM-dd"));
        command.Parameters.AddWithValue("$endsOn", endsOn.ToString("yyyy-MM-dd"));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }
        return rows;
    }

    private static async Task<(double Median, double Max)> TimeAsync(Func<Task> work)
    {
        await work();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[^1]);
    }
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TrainingPortal.Benchmarks;

/// <summary>
/// The safeguarding lead's compliance dashboard for the largest agency (a fifth of the workforce: 10,000 practitioners
/// at the default scale), timed request by request, against one hand-written SQL aggregate computing the same counts
/// on the same database in the same run; and the partnership heatmap.
/// </summary>
internal static class ComplianceScenario
{
    public const int Requests = 40;
    public const double TargetMedianMs = 150;
    public const double TargetRatio = 3;

    /// <summary>Counts per team, requirement and status for one agency's current staff: a correlated look-up per person and requirement.</summary>
    public const string CorrelatedAggregate = """
        SELECT TeamId, RequirementId, COALESCE(Best, 3) AS Status, COUNT(*) AS People
        FROM (
            SELECT m.TeamId, rg.RequirementId,
                   (SELECT MIN(CASE WHEN t.ExpiresOn IS NULL OR t.ExpiresOn > $dueSoonUntil THEN 0
                                    WHEN t.ExpiresOn > $today THEN 1 ELSE 2 END)
                    FROM RequirementCourses rc
                    JOIN TrainingRecords t ON t.CourseId = rc.CourseId
                    WHERE rc.RequirementId = rg.RequirementId AND t.PractitionerId = m.PractitionerId
                      AND t.Status = 'Approved' AND t.CompletedOn <= $today) AS Best
            FROM AgencyMemberships m
            JOIN RequirementGroups rg ON rg.WorkforceGroupId = m.WorkforceGroupId
            WHERE m.AgencyId = $agency AND m.Status = 'Confirmed'
              AND (m.StartDate IS NULL OR m.StartDate <= $today) AND (m.LeavingDate IS NULL OR m.LeavingDate > $today)
        )
        GROUP BY TeamId, RequirementId, COALESCE(Best, 3)
        """;

    /// <summary>The same counts as a join and a grouping, the other way one would write it by hand.</summary>
    public const string JoinedAggregate = """
        SELECT TeamId, RequirementId, Status, COUNT(*) AS People
        FROM (
            SELECT m.Id, m.TeamId, rg.RequirementId,
                   COALESCE(MIN(CASE WHEN t.Id IS NULL THEN NULL
                                     WHEN t.ExpiresOn IS NULL OR t.ExpiresOn > $dueSoonUntil THEN 0
                                     WHEN t.ExpiresOn > $today THEN 1
                                     ELSE 2 END), 3) AS Status
            FROM AgencyMemberships m
            JOIN RequirementGroups rg ON rg.WorkforceGroupId = m.WorkforceGroupId
            JOIN RequirementCourses rc ON rc.RequirementId = rg.RequirementId
            LEFT JOIN TrainingRecords t ON t.PractitionerId = m.PractitionerId AND t.CourseId = rc.CourseId
                                       AND t.Status = 'Approved' AND t.CompletedOn <= $today
            WHERE m.AgencyId = $agency AND m.Status = 'Confirmed'
              AND (m.StartDate IS NULL OR m.StartDate <= $today) AND (m.LeavingDate IS NULL OR m.LeavingDate > $today)
            GROUP BY m.Id, rg.RequirementId
        )
        GROUP BY TeamId, RequirementId, Status
        """;

    public static async Task RunAsync(Site site, BenchmarkOptions options)
    {
        var admin = await site.SignInAsAdminAsync();
        var agency = await site.FirstAgencyIdAsync();
        using var http = new HttpClient { BaseAddress = site.Root };
        http.DefaultRequestHeaders.Add("Cookie", admin);

        var dashboardPath = $"/compliance/agencies/{agency}";
        var dashboard = await TimeAsync(() => GetAsync(http, dashboardPath), Requests, warmUp: 5);
        var correlated = await TimeAsync(() => AggregateAsync(options.DataDirectory, agency, CorrelatedAggregate), Requests, warmUp: 5);
        var joined = await TimeAsync(() => AggregateAsync(options.DataDirectory, agency, JoinedAggregate), Requests, warmUp: 5);
        var sql = correlated.Median <= joined.Median ? correlated : joined;
        var people = await StaffCountAsync(options.DataDirectory, agency);

        Console.WriteLine();
        Console.WriteLine($"Largest agency: {people:N0} current staff");
        Console.WriteLine($"Lead dashboard ({dashboardPath}):   median {dashboard.Median,7:0.0} ms   p90 {dashboard.P90,7:0.0} ms   over {Requests} requests");
        Console.WriteLine($"Hand-written SQL, correlated:        median {correlated.Median,7:0.0} ms   p90 {correlated.P90,7:0.0} ms   over {Requests} runs");
        Console.WriteLine($"Hand-written SQL, join + group:      median {joined.Median,7:0.0} ms   p90 {joined.P90,7:0.0} ms   over {Requests} runs");
        var ratio = dashboard.Median / sql.Median; // against the faster of the two
        Console.WriteLine($"Dashboard / aggregate: {ratio:0.00}x (target within {TargetRatio}x); dashboard median target {TargetMedianMs} ms: {(dashboard.Median < TargetMedianMs && ratio <= TargetRatio ? "met" : "NOT MET")}");

        var heatmap = await TimeAsync(() => GetAsync(http, "/compliance/partnership"), 10, warmUp: 2);
        Console.WriteLine($"Partnership heatmap (/compliance/partnership), {options.Practitioners:N0} practitioners: median {heatmap.Median,7:0.0} ms   p90 {heatmap.P90,7:0.0} ms");

        await StaffImportTiming.RunAsync(options);
    }

    private static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
        }
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task AggregateAsync(string dataDirectory, Guid agency, string sql)
    {
        await using var connection = Open(dataDirectory);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        command.Parameters.AddWithValue("$agency", agency.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$today", today.ToString("yyyy-MM-dd"));
        command.Parameters.AddWithValue("$dueSoonUntil", today.AddDays(60).ToString("yyyy-MM-dd"));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }
        if (rows == 0)
        {
            throw new InvalidOperationException("The aggregate counted nobody: is the agency id right?");
        }
    }

    private static async Task<long> StaffCountAsync(string dataDirectory, Guid agency)
    {
        await using var connection = Open(dataDirectory);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AgencyMemberships WHERE AgencyId = $agency AND Status = 'Confirmed' AND LeavingDate IS NULL";
        command.Parameters.AddWithValue("$agency", agency.ToString().ToUpperInvariant());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static SqliteConnection Open(string dataDirectory)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "trainingportal.db")};Mode=ReadOnly");
        connection.Open();
        return connection;
    }

    private static async Task<(double Median, double P90)> TimeAsync(Func<Task> work, int count, int warmUp)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await work();
        }
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.9)]);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Testing;

namespace TrainingPortal.Benchmarks;

/// <summary>
/// A 10,000-row staff file imported into the largest scale agency: 5,000 people it already has (half with a new job
/// title) and 5,000 new people. Run in-process through the product's importer (check, then apply in one transaction)
/// on a copy of the scale database, so the running site's data is left as it was.
/// </summary>
internal static class StaffImportTiming
{
    public const int ExistingRows = 5_000;
    public const int NewRows = 5_000;

    public static async Task RunAsync(BenchmarkOptions options)
    {
        using var copy = new TempCopy(options.DataDirectory);
        var (agencyId, adminId, csv) = await ArrangeAsync(copy.DatabasePath);
        // The in-process host finds its content root from the manifest beside this program, read from the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { ConnectionString = $"Data Source={copy.DatabasePath}", Recipe = null });
        var admin = new SignedInUser(adminId, "admin@scale.example", Roles.Administrator);

        var started = Stopwatch.GetTimestamp();
        var result = await app.AsUserAsync(admin, s => s.GetRequiredService<StaffImporter>().ImportAsync(agencyId, "staff.csv", new MemoryStream(csv)));
        var elapsed = Stopwatch.GetElapsedTime(started);

        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The import was refused: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }
        var summary = result.Value!;
        if (summary.Status != Agencies.Domain.StaffImportStatus.Applied)
        {
            throw new InvalidOperationException($"The import ended {summary.Status} with {summary.RowsWithErrors} rows in error.");
        }
        Console.WriteLine($"Staff import, {ExistingRows + NewRows:N0} rows ({csv.Length / 1024:N0} KB CSV) into the largest agency: checked and applied in {elapsed.TotalSeconds:0.00} s " +
            $"({summary.Status}: {summary.Added:N0} added, {summary.Updated:N0} updated, {summary.Unchanged:N0} unchanged, {summary.Leavers:N0} leavers)");
    }

    private static async Task<(Guid AgencyId, Guid AdminId, byte[] Csv)> ArrangeAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        var agencyId = Guid.Parse((string)(await Scalar(connection, "SELECT Id FROM Agencies WHERE Name = 'Scale agency 001'"))!);
        var adminId = Guid.Parse((string)(await Scalar(connection, "SELECT Id FROM Users WHERE NormalizedEmail = 'ADMIN@SCALE.EXAMPLE'"))!);
        var csv = new StringBuilder("Employee reference,First name,Last name,Email,Team,Job title,Workforce group,Frontline,Start date,Leaving date\r\n");
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT m.EmployeeReference, p.FirstName, p.LastName, p.Email, t.Name, m.JobTitle, g.Code, m.IsFrontline, m.StartDate, m.LeavingDate
                FROM AgencyMemberships m
                JOIN Practitioners p ON p.Id = m.PractitionerId
                LEFT JOIN Teams t ON t.Id = m.TeamId
                JOIN WorkforceGroups g ON g.Id = m.WorkforceGroupId
                WHERE m.AgencyId = $agency AND m.LeavingDate IS NULL
                ORDER BY m.EmployeeReference
                LIMIT $rows
                """;
            command.Parameters.AddWithValue("$agency", agencyId.ToString().ToUpperInvariant());
            command.Parameters.AddWithValue("$rows", ExistingRows);
            await using var reader = await command.ExecuteReaderAsync();
            var row = 0;
            while (await reader.ReadAsync())
            {
                // Half get a new job title; one in fifty has a leaving date at the end of the year.
                var jobTitle = row % 2 == 0 ? "Senior " + reader.GetString(5).ToLowerInvariant() : reader.GetString(5);
                var leaving = row++ % 50 == 0 ? "31/12/2026" : "";
                csv.Append(string.Join(',', reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? "" : reader.GetString(4),
                    jobTitle, reader.GetString(6), reader.GetBoolean(7) ? "yes" : "no", Day(reader, 8), leaving)).Append("\r\n");
            }
        }
        for (var i = 1; i <= NewRows; i++)
        {
            csv.Append($"N{i},New,Starter{i},new.starter{i}@scale.example,Team {1 + i % 6},Family support worker,G{1 + i % 3},yes,01/09/2026,\r\n");
        }
        return (agencyId, adminId, Encoding.UTF8.GetBytes(csv.ToString()));

        static string Day(SqliteDataReader reader, int column) =>
            reader.IsDBNull(column) ? "" : DateOnly.ParseExact(reader.GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>A throwaway copy of the scale database (with its write-ahead log), deleted afterwards.</summary>
    private sealed class TempCopy : IDisposable
    {
        private readonly TempFolder folder = new("trainingportal-import");

        public TempCopy(string dataDirectory)
        {
            foreach (var file in new[] { "trainingportal.db", "trainingportal.db-wal", "trainingportal.db-shm" })
            {
                if (File.Exists(Path.Combine(dataDirectory, file)))
                {
                    File.Copy(Path.Combine(dataDirectory, file), folder.Combine(file));
                }
            }
        }

        public string DatabasePath => folder.Combine("trainingportal.db");

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            folder.Dispose();
        }
    }
}

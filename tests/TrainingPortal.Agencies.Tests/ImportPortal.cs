using System.Text;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OfficeOpenXml;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Agencies.Tests;

/// <summary>A row of a staff file as a test writes it; every cell can be overridden.</summary>
public sealed record StaffLine(
    string? Reference = null, string? FirstName = "Sam", string? LastName = "Taylor", string? Email = null, string? Team = "Health visiting",
    string? JobTitle = "Health visitor", string? Group = "G2", string? Frontline = "yes", string? StartDate = "02/09/2024", string? LeavingDate = null)
{
    public string?[] Cells => [Reference, FirstName, LastName, Email, Team, JobTitle, Group, Frontline, StartDate, LeavingDate];
}

/// <summary>Staff files written the way people write them: CSV text and real Excel workbooks.</summary>
public static class StaffFiles
{
    public static readonly string[] Headings =
        ["Employee reference", "First name", "Last name", "Email", "Team", "Job title", "Workforce group", "Frontline", "Start date", "Leaving date"];

    public static string Csv(params StaffLine[] lines) => Csv(Headings, lines.Select(l => l.Cells));

    public static string Csv(IEnumerable<string> headings, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', headings.Select(CsvParser.Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(CsvParser.Quote))).Append("\r\n");
        }
        return text.ToString();
    }

    public static byte[] Workbook(IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Staff");
        for (var c = 0; c < headings.Count; c++)
        {
            sheet.Cells[1, c + 1].Value = headings[c];
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                sheet.Cells[r, c + 1].Value = row[c];
                if (row[c] is DateTime)
                {
                    sheet.Cells[r, c + 1].Style.Numberformat.Format = "dd/mm/yyyy";
                }
            }
            r++;
        }
        return package.GetAsByteArray();
    }
}

/// <summary>Jobs the importer queues, kept for the test to look at instead of run.</summary>
public sealed class QueuedJobs : IBackgroundJobClient
{
    public List<Job> Jobs { get; } = [];

    public string Create(Job job, IState state)
    {
        Jobs.Add(job);
        return Jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}

/// <summary>
/// A SQLite database with the workforce groups G1 to G4 and two agencies (a health trust with a health visiting team,
/// and the police), and the staff services as a given person would use them.
/// </summary>
public sealed class ImportPortal : IDisposable
{
    public ImportPortal()
    {
        using var db = Database.CreateContext();
        var sector = new Sector { Name = "Health", Order = 1 };
        db.Add(sector);
        db.AddRange(
            new WorkforceGroup { Code = "G1", Name = "Group 1: General contact", Order = 1 },
            new WorkforceGroup { Code = "G2", Name = "Group 2: Regular contact", Order = 2 },
            new WorkforceGroup { Code = "G3", Name = "Group 3: Assesses neglect", Order = 3 },
            new WorkforceGroup { Code = "G4", Name = "Group 4: Strategic", Order = 4 });
        db.SaveChanges();
        Health = Guid.NewGuid();
        Police = Guid.NewGuid();
        HealthVisiting = Guid.NewGuid();
        db.Add(new Agency { Id = Health, Name = "Community Health Trust", SectorId = sector.Id, Teams = [new Team { Id = HealthVisiting, Name = "Health visiting" }] });
        db.Add(new Agency { Id = Police, Name = "Police", SectorId = sector.Id });
        db.SaveChanges();
        Groups = db.Set<WorkforceGroup>().ToDictionary(g => g.Code, g => g.Id);
    }

    public ModuleDatabase Database { get; } = new();

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    public QueuedJobs Jobs { get; } = new();

    public Guid Health { get; }

    public Guid Police { get; }

    public Guid HealthVisiting { get; }

    public IReadOnlyDictionary<string, int> Groups { get; }

    public StaffImporter Importer(PortalDbContext db, ICurrentUser? user = null)
    {
        user ??= TestUser.Coordinator;
        return new StaffImporter(db, new AgencyScope(db, user), new AuditTrail(db, user, Clock), user, Clock, Jobs, NullLogger<StaffImporter>.Instance);
    }

    public StaffImportReports Reports(PortalDbContext db, ICurrentUser? user = null) => new(db, new AgencyScope(db, user ?? TestUser.Coordinator));

    public StaffRecords Staff(PortalDbContext db, ICurrentUser? user = null)
    {
        user ??= TestUser.Coordinator;
        return new StaffRecords(db, new AgencyScope(db, user), new AuditTrail(db, user, Clock), Clock);
    }

    /// <summary>Uploads, checks and (if every row passes) applies a CSV file as the coordinator, in one go.</summary>
    public async Task<StaffImportSummary> ImportCsvAsync(Guid agencyId, string csv, ICurrentUser? user = null)
    {
        await using var db = Database.CreateContext();
        var result = await Importer(db, user).ImportAsync(agencyId, "staff.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    /// <summary>Every problem in an import's report, in row order.</summary>
    public async Task<List<StaffImportLine>> ProblemsAsync(Guid importId)
    {
        await using var db = Database.CreateContext();
        return await db.Set<StaffImportMessage>().Where(m => m.StaffImportId == importId && m.Kind == StaffImportMessageKind.Error)
            .OrderBy(m => m.RowNumber).ThenBy(m => m.Id).Select(m => new StaffImportLine(m.RowNumber, m.Column, m.Message)).ToListAsync();
    }

    /// <summary>Adds a member of staff through the staff records service, as the form does.</summary>
    public async Task<Guid> AddStaffAsync(Guid agencyId, string firstName, string lastName, string? email, string? reference, DateOnly? leavingDate = null)
    {
        await using var db = Database.CreateContext();
        var added = await Staff(db).AddAsync(agencyId, new StaffInput
        {
            FirstName = firstName, LastName = lastName, Email = email, EmployeeReference = reference, JobTitle = "Health visitor",
            WorkforceGroupId = Groups["G2"], IsFrontline = true, TeamId = agencyId == Health ? HealthVisiting : null, StartDate = new DateOnly(2024, 9, 2),
            LeavingDate = leavingDate,
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        return added.Value;
    }

    /// <summary>How many people, memberships, teams and audit entries there are: what an import changes.</summary>
    public async Task<(int People, int Memberships, int Teams, int AuditEntries)> CountsAsync()
    {
        await using var db = Database.CreateContext();
        return (await db.Set<Practitioner>().CountAsync(), await db.Set<AgencyMembership>().CountAsync(), await db.Set<Team>().CountAsync(), await db.AuditEntries.CountAsync());
    }

    public void Dispose() => Database.Dispose();
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Adds scale agencies, teams, practitioners and memberships for benchmarks. People are generated inside the
/// database from a number sequence (one INSERT … SELECT per table), so 50,000 practitioners take seconds.
/// The first agency holds a fifth of the workforce, as the largest agency in a partnership does.
/// </summary>
internal sealed class StaffScaleSeeder(PortalDbContext db, TimeProvider clock) : IScaleSeeder
{
    public const string AgencyPrefix = "Scale agency ";
    private const int TeamsPerAgency = 6;

    private static readonly string[] FirstNames =
    [
        "Amelia", "Olivia", "Isla", "Ava", "Mia", "Aisha", "Priya", "Fatima", "Zara", "Grace", "Chloe", "Sophie", "Hannah", "Niamh", "Megan",
        "Oliver", "George", "Harry", "Jack", "Mohammed", "Arjun", "Noah", "Leo", "Oscar", "Kwame", "Daniel", "Rhys", "Callum", "Tomasz", "Yusuf",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Khan", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Hughes", "Clarke", "Ahmed", "Begum", "Nowak", "Okafor", "Murphy", "Kelly", "Singh", "Ali",
    ];

    private static readonly string[] JobTitles =
    [
        "Receptionist", "Health visitor", "School nurse", "Social worker", "Family support worker", "Police constable", "Probation officer",
        "Housing officer", "Teacher", "Youth worker", "Early help practitioner", "Team manager",
    ];

    public int Order => 100;

    public async Task<string> SeedAsync(ScaleSeedOptions options, CancellationToken cancellationToken)
    {
        if (await db.Set<Agency>().AnyAsync(a => a.Name.StartsWith(AgencyPrefix), cancellationToken))
        {
            return "Agencies: scale data already present, nothing added";
        }
        var sectors = await db.Set<Sector>().OrderBy(s => s.Order).Select(s => s.Id).ToListAsync(cancellationToken);
        var groups = await db.Set<WorkforceGroup>().OrderBy(g => g.Order).Select(g => g.Id).ToListAsync(cancellationToken);
        if (sectors.Count == 0 || groups.Count == 0)
        {
            throw new InvalidOperationException("seed-scale needs sectors and workforce groups: set up with the neglect-partnership recipe first.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = Enumerable.Range(1, options.Agencies).Select(i => new Agency
        {
            Id = Guid.NewGuid(),
            Name = $"{AgencyPrefix}{i:000}",
            SectorId = sectors[(i - 1) % sectors.Count],
            CreatedAt = now,
            Teams = Enumerable.Range(1, TeamsPerAgency).Select(t => new Team { Id = Guid.NewGuid(), Name = $"Team {t}" }).ToList(),
        }).ToList();
        db.Set<Agency>().AddRange(agencies);
        await db.SaveChangesAsync(cancellationToken);

        var parameters = new
        {
            Count = options.Practitioners,
            Largest = options.Practitioners / 5,
            Others = options.Agencies - 1,
            Agencies = JsonSerializer.Serialize(agencies.Select(a => a.Id.ToString().ToUpperInvariant())),
            Teams = JsonSerializer.Serialize(agencies.SelectMany(a => a.Teams.Select(t => t.Id.ToString().ToUpperInvariant()))),
            Groups = JsonSerializer.Serialize(Enumerable.Range(0, 10).Select(i => groups[i < 2 ? 0 : i < 7 ? Math.Min(1, groups.Count - 1) : i < 9 ? Math.Min(2, groups.Count - 1) : groups.Count - 1])),
            First = JsonSerializer.Serialize(FirstNames),
            Last = JsonSerializer.Serialize(LastNames),
            Titles = JsonSerializer.Serialize(JobTitles),
        };
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await SeedPostgreSqlAsync(parameters.Count, parameters.Largest, parameters.Others, parameters.Agencies, parameters.Teams, parameters.Groups,
                parameters.First, parameters.Last, parameters.Titles, now, cancellationToken);
        }
        else
        {
            await SeedSqliteAsync(parameters.Count, parameters.Largest, parameters.Others, parameters.Agencies, parameters.Teams, parameters.Groups,
                parameters.First, parameters.Last, parameters.Titles, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return $"Agencies: {options.Agencies} agencies, {options.Agencies * TeamsPerAgency} teams, {options.Practitioners} practitioners with memberships";
    }

    /// <summary>Ids are made from the sequence number (A… for people, B… for memberships) so both tables are filled set-based.</summary>
    private async Task SeedSqliteAsync(int count, int largest, int others, string agencies, string teams, string groups, string first, string last, string titles, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {count})
            INSERT INTO "Practitioners" ("Id", "FirstName", "LastName", "Email", "UserId", "CreatedAt")
            SELECT printf('A0000000-0000-4000-8000-%012d', n),
                   json_extract({first}, '$[' || (n % 30) || ']'),
                   json_extract({last}, '$[' || ((n / 30) % 30) || ']'),
                   'scale.person' || n || '@scale.example', NULL, {now}
            FROM seq
            """, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {count}),
            placed AS (SELECT n, CASE WHEN n <= {largest} THEN 0 ELSE 1 + (n % {others}) END AS a FROM seq)
            INSERT INTO "AgencyMemberships" ("Id", "PractitionerId", "AgencyId", "EmployeeReference", "TeamId", "JobTitle", "WorkforceGroupId",
                "IsFrontline", "ManagerName", "ManagerEmail", "StartDate", "LeavingDate", "Status", "CreatedAt")
            SELECT printf('B0000000-0000-4000-8000-%012d', n),
                   printf('A0000000-0000-4000-8000-%012d', n),
                   json_extract({agencies}, '$[' || a || ']'),
                   'E' || n,
                   json_extract({teams}, '$[' || (a * {TeamsPerAgency} + n % {TeamsPerAgency}) || ']'),
                   json_extract({titles}, '$[' || (n % 12) || ']'),
                   json_extract({groups}, '$[' || (n % 10) || ']'),
                   n % 10 <> 0, NULL, NULL,
                   date('2010-01-01', '+' || (n % 5800) || ' days'),
                   CASE WHEN n % 25 = 0 THEN date('2024-01-01', '+' || (n % 600) || ' days') END,
                   'Confirmed', {now}
            FROM placed
            """, cancellationToken);
    }

    private async Task SeedPostgreSqlAsync(int count, int largest, int others, string agencies, string teams, string groups, string first, string last, string titles, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Practitioners" ("Id", "FirstName", "LastName", "Email", "UserId", "CreatedAt")
            SELECT ('a0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
                   ({first}::jsonb ->> (n % 30)), ({last}::jsonb ->> ((n / 30) % 30)),
                   'scale.person' || n || '@scale.example', NULL, {now}
            FROM generate_series(1, {count}) AS n
            """, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AgencyMemberships" ("Id", "PractitionerId", "AgencyId", "EmployeeReference", "TeamId", "JobTitle", "WorkforceGroupId",
                "IsFrontline", "ManagerName", "ManagerEmail", "StartDate", "LeavingDate", "Status", "CreatedAt")
            SELECT ('b0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
                   ('a0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
                   ({agencies}::jsonb ->> a)::uuid,
                   'E' || n,
                   ({teams}::jsonb ->> (a * {TeamsPerAgency} + n % {TeamsPerAgency}))::uuid,
                   ({titles}::jsonb ->> (n % 12)),
                   ({groups}::jsonb ->> (n % 10))::int,
                   n % 10 <> 0, NULL, NULL,
                   DATE '2010-01-01' + (n % 5800),
                   CASE WHEN n % 25 = 0 THEN DATE '2024-01-01' + (n % 600) END,
                   'Confirmed', {now}
            FROM (SELECT n, CASE WHEN n <= {largest} THEN 0 ELSE 1 + (n % {others}) END AS a FROM generate_series(1, {count}) AS n) AS placed
            """, cancellationToken);
    }
}

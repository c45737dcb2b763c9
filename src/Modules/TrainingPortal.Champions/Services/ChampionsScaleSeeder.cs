using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>
/// Scale data for champions: three register entries per agency (two champions now, one who stepped down), six
/// published guides (two of them revised) on their own briefing courses, and two years of briefings, twenty a year per
/// agency with 5 to 15 staff each and sometimes a name typed in, every practitioner with the briefing training record
/// the briefing log gives them. The same database always gets the same rows; a database with guides gets nothing.
/// </summary>
internal sealed class ChampionsScaleSeeder(PortalDbContext db, IServiceProvider services, TimeProvider clock) : IScaleSeeder
{
    public const int Guides = 6;
    public const int BriefingsPerAgencyPerYear = 20;
    public const int Years = 2;

    public int Order => 400;

    public async Task<string> SeedAsync(ScaleSeedOptions options, CancellationToken cancellationToken)
    {
        if (await db.Set<SevenMinuteGuide>().AnyAsync(cancellationToken))
        {
            return "Champions: guides already present, nothing added";
        }
        var author = await db.AccountIdsInRole(Roles.Administrator).OrderBy(id => id).FirstOrDefaultAsync(cancellationToken);
        // Ids only, with names for the logs: 50,000 members is a few megabytes.
        var members = await db.KnownMemberships().Where(m => m.Status == MembershipStatus.Confirmed && m.LeavingDate == null)
            .OrderBy(m => m.AgencyId).ThenBy(m => m.Id)
            .Select(m => new { m.AgencyId, m.PractitionerId, Name = m.Practitioner!.FirstName + " " + m.Practitioner.LastName })
            .ToListAsync(cancellationToken);
        var agencies = members.GroupBy(m => m.AgencyId).Select(g => g.ToList()).ToList();
        if (author == Guid.Empty || agencies.Count == 0)
        {
            return "Champions: no administrator or no staff, nothing added";
        }

        var random = new Random(7);
        Guid NewId()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(clock);

        var courseVersions = await GuideCoursesAsync(cancellationToken);
        var guides = new List<SevenMinuteGuide>();
        for (var g = 0; g < Guides; g++)
        {
            // The first guide is older than the briefings, so every briefing has a guide to be on.
            var published = UkTime.ToUtc(today.AddDays(-(Years * 365 + 30) + g * 120).ToDateTime(new TimeOnly(10, 0)));
            var guide = new SevenMinuteGuide
            {
                Id = NewId(), Number = g + 1, Format = GuideFormat.SevenMinute, AuthorUserId = author, CourseId = courseVersions[g].CourseId,
                ReviewDate = DateOnly.FromDateTime(published).AddYears(3), CreatedAt = published.AddDays(-30),
            };
            var revised = g < 2;
            guide.Versions.Add(Version(NewId(), guide, 1, revised ? GuideVersionStatus.Superseded : GuideVersionStatus.Published, published, courseVersions[g].Id));
            if (revised)
            {
                guide.Versions.Add(Version(NewId(), guide, 2, GuideVersionStatus.Published, published.AddDays(200), courseVersions[g].Id));
            }
            guides.Add(guide);
        }

        var champions = new List<Champion>();
        var logs = new List<BriefingLog>();
        var days = Years * 365;
        var perAgency = Years * BriefingsPerAgencyPerYear;
        for (var a = 0; a < agencies.Count; a++)
        {
            var staff = agencies[a];
            (int Member, SpellStatus Status, int StartDaysAgo, int? EndDaysAgo)[] register =
                [(0, SpellStatus.Active, 900 + a, null), (1, SpellStatus.SteppedDown, 1000, 200 + a), (2, SpellStatus.Active, 300 + a * 5, null)];
            foreach (var (member, status, start, end) in register.Where(r => r.Member < staff.Count))
            {
                var champion = new Champion
                {
                    Id = NewId(), PractitionerId = staff[member].PractitionerId, AgencyId = staff[member].AgencyId,
                    AreaOfInterest = (member % 3) switch { 0 => "Neglect in adolescence", 1 => "Early years", _ => "Dental neglect" }, CreatedAt = now,
                };
                champion.Spells.Add(new ChampionSpell
                {
                    Id = NewId(), ChampionId = champion.Id, Status = status, StartDate = today.AddDays(-start),
                    EndDate = end is { } e ? today.AddDays(-e) : null, NominatedAt = now, DecidedAt = now,
                });
                champions.Add(champion);
            }
            for (var j = 0; j < perAgency; j++)
            {
                var deliveredOn = today.AddDays(-(days - 1 - j * days / perAgency) + a % 7 - 7);
                var deliveredUtc = UkTime.ToUtc(deliveredOn.ToDateTime(TimeOnly.MinValue));
                var available = guides.Where(g => g.Versions[0].PublishedAt <= deliveredUtc).ToList();
                var guide = available[(a + j) % available.Count];
                var version = guide.Versions.Last(v => v.PublishedAt <= deliveredUtc);
                var log = new BriefingLog
                {
                    Id = NewId(), GuideId = guide.Id, GuideVersionId = version.Id, AgencyId = staff[0].AgencyId, Team = $"Team {1 + j % 5}",
                    DeliveredOn = deliveredOn, DeliveredBy = staff[0].Name, RecordedByUserId = author, RecordedAt = deliveredUtc.AddHours(12),
                };
                var count = Math.Min(staff.Count, 5 + (a * 7 + j * 3) % 11);
                var first = j * 13 % staff.Count;
                for (var i = 0; i < count; i++)
                {
                    var person = staff[(first + i) % staff.Count];
                    log.Attendees.Add(new BriefingAttendee { Id = NewId(), BriefingLogId = log.Id, PractitionerId = person.PractitionerId, Name = person.Name });
                }
                if (j % 4 == 0)
                {
                    log.Attendees.Add(new BriefingAttendee { Id = NewId(), BriefingLogId = log.Id, Name = $"Visiting student {a + 1}-{j + 1}" });
                }
                logs.Add(log);
            }
        }

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<SevenMinuteGuide>().AddRange(guides);
        db.Set<Champion>().AddRange(champions);
        db.Set<BriefingLog>().AddRange(logs);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;

        // Each practitioner on a log gets a briefing record on the course of the guide version briefed, as recording the
        // log does; the record takes the attendee's id, which the attendee then points to.
        var records = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "TrainingRecords" ("Id", "PractitionerId", "CourseId", "CourseVersionId", "CompletedOn", "Source", "ScorePercent",
                "ExpiresOn", "CertificateNumber", "Status", "Provider", "Reason", "DecisionNote", "RecordedByUserId", "CreatedAt")
            SELECT a."Id", a."PractitionerId", cv."CourseId", cv."Id", b."DeliveredOn", 'Briefing', NULL,
                   NULL, 'SCALE-B-' || substr(CAST(a."Id" AS TEXT), 1, 24), 'Approved', NULL, NULL, NULL, NULL, {now}
            FROM "BriefingAttendees" a
            JOIN "BriefingLogs" b ON b."Id" = a."BriefingLogId"
            JOIN "GuideVersions" v ON v."Id" = b."GuideVersionId"
            JOIN "CourseVersions" cv ON cv."Id" = v."CourseVersionId"
            WHERE a."PractitionerId" IS NOT NULL AND a."TrainingRecordId" IS NULL
            """, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE "BriefingAttendees" SET "TrainingRecordId" = "Id"
            WHERE "PractitionerId" IS NOT NULL AND "TrainingRecordId" IS NULL
              AND EXISTS (SELECT 1 FROM "TrainingRecords" t WHERE t."Id" = "BriefingAttendees"."Id")
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var attendees = logs.Sum(l => l.Attendees.Count);
        return $"Champions: {champions.Count} register entries, {guides.Count} guides, {logs.Count} briefings, {attendees} attendees, {records} briefing training records";
    }

    private static GuideVersion Version(Guid id, SevenMinuteGuide guide, int number, GuideVersionStatus status, DateTime publishedAt, Guid courseVersionId) => new()
    {
        Id = id, GuideId = guide.Id, Number = number, Status = status, Title = $"Seven-minute guide {guide.Number}: {Topics[(guide.Number - 1) % Topics.Length]}",
        WhatItIs = "What neglect looks like here.", WhyItMatters = "Why it matters to the children we see.", WhatToDo = "Talk to your safeguarding lead.",
        CreatedAt = publishedAt.AddDays(-10), UpdatedAt = publishedAt, SubmittedAt = publishedAt.AddDays(-5), PublishedAt = publishedAt,
        CourseVersionId = courseVersionId,
    };

    private static readonly string[] Topics =
        ["Dental neglect", "Was not brought", "Neglect in adolescence", "Home conditions", "Cumulative harm", "Early years neglect"];

    /// <summary>The guides' briefing courses, made by the catalogue's own recipe step (matched by code, so made once).</summary>
    private async Task<IReadOnlyList<(Guid Id, Guid CourseId)>> GuideCoursesAsync(CancellationToken cancellationToken)
    {
        var codes = Enumerable.Range(1, Guides).Select(n => $"7MG-{n:D3}").ToList();
        var step = JsonSerializer.SerializeToElement(new
        {
            name = "Courses",
            courses = codes.Select((code, i) => new
            {
                code, title = $"Seven-minute guide {i + 1}: {Topics[i % Topics.Length]}", summary = "A seven-minute briefing delivered to a team by its leader.",
                level = "Awareness", deliveryMode = "Briefing", durationMinutes = 7, status = "Published", licence = "None",
                owner = "Partnership training unit", learningOutcomes = new[] { "Recognise this form of neglect and know what to do" },
            }),
        });
        var runner = services.GetServices<IRecipeStep>().Single(s => s.Name == "Courses");
        await runner.ExecuteAsync(step, new RecipeContext { RecipeName = "champions-scale" }, cancellationToken);
        var versions = await (from v in db.CurrentCourseVersions()
                              join c in db.AllCourses() on v.CourseId equals c.Id
                              where codes.Contains(c.Code)
                              select new { v.Id, v.CourseId, c.Code })
            .ToListAsync(cancellationToken);
        return codes.Select(code => versions.Single(v => v.Code == code)).Select(v => (v.Id, v.CourseId)).ToList();
    }
}

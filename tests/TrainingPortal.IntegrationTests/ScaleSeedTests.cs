using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Domain;

namespace TrainingPortal.IntegrationTests;

public class ScaleSeedTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Scale_seeding_fills_agencies_with_practitioners_the_largest_holding_a_fifth_and_a_second_run_adds_nothing(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database });
        var options = new ScaleSeedOptions(Agencies: 5, Practitioners: 1000);

        await SeedAsync(app, options);
        await SeedAsync(app, options);

        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            Assert.Equal(1000, await db.Set<Practitioner>().CountAsync());
            var perAgency = await db.Set<AgencyMembership>().GroupBy(m => m.Agency!.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Assert.Equal(5, perAgency.Count);
            Assert.Equal(200, perAgency.Single(a => a.Key == "Scale agency 001").Count);
            Assert.Equal(1000, await db.Set<AgencyMembership>().CountAsync(m => m.Team!.AgencyId == m.AgencyId && m.WorkforceGroupId != null));
            Assert.Equal(40, await db.Set<AgencyMembership>().CountAsync(m => m.LeavingDate != null));

            // Three register entries, forty briefings over two years and 5 to 15 staff a briefing per agency; six guides.
            Assert.Equal(15, await db.Set<Champion>().CountAsync());
            Assert.Equal(6, await db.Set<SevenMinuteGuide>().CountAsync());
            Assert.Equal(200, await db.Set<BriefingLog>().CountAsync());
            var sizes = await db.Set<BriefingLog>().Select(b => b.Attendees.Count(a => a.PractitionerId != null)).ToListAsync();
            Assert.InRange(sizes.Min(), 5, 15);
            Assert.InRange(sizes.Max(), 5, 15);
            // Every practitioner briefed has the briefing record the log gives them, on the guide's course.
            var briefed = await db.Set<BriefingAttendee>().CountAsync(a => a.PractitionerId != null);
            Assert.Equal(briefed, await db.Set<BriefingAttendee>().CountAsync(a => a.TrainingRecordId != null));
            Assert.Equal(briefed, await db.Set<TrainingRecord>().CountAsync(t => t.Source == TrainingSource.Briefing));

            // A request for each completion of the last year, about 40% answered with confidence against every outcome of the
            // version taken, and follow-ups for those past three months, some answered.
            var since = TrainingPortal.Core.UkTime.Today(TimeProvider.System).AddDays(-365);
            var recent = await db.Set<TrainingRecord>().CountAsync(t => t.CompletedOn >= since && t.Status == RecordStatus.Approved && t.Source != TrainingSource.External);
            Assert.Equal(recent, await db.Set<EvaluationRequest>().CountAsync());
            Assert.Equal(recent, await db.Set<EvaluationRequest>().CountAsync(r => db.Set<TrainingRecord>().Any(t => t.Id == r.TrainingRecordId && t.PractitionerId == r.PractitionerId && t.CourseVersionId == r.CourseVersionId)));
            var responses = await db.Set<EvaluationResponse>().CountAsync();
            Assert.InRange(responses, recent * 30 / 100, recent * 45 / 100);
            Assert.Equal(responses, await db.Set<EvaluationRequest>().CountAsync(r => r.AnsweredAt != null));
            Assert.Equal(0, await db.Set<EvaluationResponse>().CountAsync(r => !r.Outcomes.Any()));
            Assert.Equal(0, await db.Set<OutcomeConfidence>().CountAsync(o => o.Before < 1 || o.Before > 5 || o.After < 1 || o.After > 5));
            Assert.Equal(5, await db.Set<EvaluationResponse>().MaxAsync(r => r.OverallRating));
            Assert.True(await db.Set<EvaluationResponse>().AnyAsync(r => r.DoingDifferently != null));
            var followUps = await db.Set<FollowUp>().GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            Assert.True(followUps[FollowUpStatus.Answered] > 0 && followUps[FollowUpStatus.Sent] > 0 && followUps[FollowUpStatus.Skipped] > 0, string.Join(", ", followUps));
            Assert.True(await db.Set<FollowUp>().AnyAsync(f => f.PracticeChange == PracticeChange.Changed && f.Example != null));
            Assert.Equal(0, await db.Set<FollowUp>().CountAsync(f => f.Status == FollowUpStatus.Answered && (f.PracticeChange == null || f.UseFrequency == null)));
        });
        var client = app.CreateBrowserlikeClient();
        await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword);
        Assert.Contains("Scale agency 001", await client.GetStringAsync("/agencies"));
    }

    private static Task SeedAsync(PortalApp app, ScaleSeedOptions options) => app.InScopeAsync(async services =>
    {
        foreach (var seeder in services.GetServices<IScaleSeeder>().OrderBy(s => s.Order))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var said = await seeder.SeedAsync(options, CancellationToken.None);
            Console.WriteLine($"{said} ({started.ElapsedMilliseconds} ms)");
        }
    });
}

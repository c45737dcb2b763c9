using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;

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
        });
        var client = app.CreateBrowserlikeClient();
        await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword);
        Assert.Contains("Scale agency 001", await client.GetStringAsync("/agencies"));
    }

    private static Task SeedAsync(PortalApp app, ScaleSeedOptions options) => app.InScopeAsync(async services =>
    {
        foreach (var seeder in services.GetServices<IScaleSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(options, CancellationToken.None);
        }
    });
}

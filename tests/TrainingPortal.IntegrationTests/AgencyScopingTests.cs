using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.IntegrationTests;

/// <summary>A safeguarding lead sees their own agency's staff and nobody else's, whatever URL they type.</summary>
public class AgencyScopingTests
{
    private const string PoliceLead = "ben.bland@northshire-police.example";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_lead_gets_403_for_another_agency_and_404_for_someone_who_is_not_their_staff(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var ids = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var police = await db.Set<Agency>().Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var health = await db.Set<Agency>().Where(a => a.Name == "Northshire Community Health NHS Trust").Select(a => a.Id).SingleAsync();
            var nurse = await db.Set<AgencyMembership>().Where(m => m.AgencyId == health && !db.Set<AgencyMembership>().Any(o => o.PractitionerId == m.PractitionerId && o.AgencyId == police))
                .Select(m => m.PractitionerId).FirstAsync();
            return (police, health, nurse);
        });
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);

        var list = await lead.GetStringAsync("/agencies");
        Assert.Contains("Northshire Police", list);
        Assert.DoesNotContain("Northshire Community Health NHS Trust", list);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/agencies/{ids.health}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/agencies/{ids.health}/practitioners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/agencies/{ids.health}/practitioners/{ids.nurse}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/agencies/{ids.police}/practitioners/{ids.nurse}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/agencies/{ids.health}")).StatusCode);

        var forgedEdit = await lead.PostFormAsync($"/agencies/{ids.health}/practitioners/{ids.nurse}/edit",
            new Dictionary<string, string> { ["Input.FirstName"] = "Changed", ["Input.LastName"] = "ByPolice", ["Input.WorkforceGroupId"] = "1" },
            formPage: "/account/two-factor");
        Assert.Equal(HttpStatusCode.Forbidden, forgedEdit.StatusCode);
        var unchanged = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<Practitioner>()
            .Where(p => p.Id == ids.nurse).Select(p => p.LastName).SingleAsync());
        Assert.NotEqual("ByPolice", unchanged);
    }

    [Fact]
    public async Task Changing_someone_not_on_the_agencys_staff_or_adding_staff_to_an_agency_that_does_not_exist_answers_404()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var (police, _, nurse) = await app.PoliceHealthAndANurseAsync();
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);
        var coordinator = app.CreateBrowserlikeClient();
        await coordinator.SignInAsync("sophie.ashworth@northshire-scp.example", app.Options.AdminPassword);

        var changed = await lead.PostFormAsync($"/agencies/{police}/practitioners/{nurse}/edit",
            new Dictionary<string, string> { ["Input.FirstName"] = "Changed", ["Input.LastName"] = "ByPolice", ["Input.WorkforceGroupId"] = "1" },
            formPage: $"/agencies/{police}/practitioners");

        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        var unchanged = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<Practitioner>()
            .Where(p => p.Id == nurse).Select(p => p.LastName).SingleAsync());
        Assert.NotEqual("ByPolice", unchanged);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/agencies/{Guid.NewGuid()}/practitioners/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/agencies/{Guid.NewGuid()}/practitioners/new")).StatusCode);
    }

    [Fact]
    public async Task A_lead_sees_that_someone_also_works_elsewhere_but_not_where()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var (agencyId, agencyName, otherAgency, practitionerId, leadEmail) = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var twoJobs = await db.Set<AgencyMembership>().GroupBy(m => m.PractitionerId).Where(g => g.Count() > 1).Select(g => g.Key).FirstAsync();
            var memberships = await db.Set<AgencyMembership>().Where(m => m.PractitionerId == twoJobs).Include(m => m.Agency).ToListAsync();
            var first = memberships[0];
            var lead = await db.Set<AgencyLead>().Where(l => l.AgencyId == first.AgencyId)
                .Join(db.Set<TrainingPortal.Identity.Domain.PortalUser>(), l => l.UserId, u => u.Id, (l, u) => u.Email).FirstAsync();
            return (first.AgencyId, first.Agency!.Name, memberships[1].Agency!.Name, twoJobs, lead!);
        });
        var client = app.CreateBrowserlikeClient();
        await client.SignInAsync(leadEmail, app.Options.AdminPassword);

        var page = await client.GetStringAsync($"/agencies/{agencyId}/practitioners/{practitionerId}");

        Assert.Contains("also works for another agency", page);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(otherAgency), page);
    }

    [Fact]
    public async Task The_training_unit_finds_people_across_agencies_and_a_lead_cannot()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var coordinator = app.CreateBrowserlikeClient();
        await coordinator.SignInAsync("sophie.ashworth@northshire-scp.example", app.Options.AdminPassword);
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);

        var found = await coordinator.GetStringAsync("/practitioners?q=ben.bland");

        Assert.Contains("Ben Bland", found);
        Assert.Contains("Northshire Police", found);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/practitioners?q=a")).StatusCode);
        Assert.DoesNotContain("href=\"/practitioners\"", await lead.GetStringAsync("/"));
    }
}

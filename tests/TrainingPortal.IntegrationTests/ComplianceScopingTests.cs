using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.IntegrationTests;

/// <summary>The compliance dashboard, its export and its reminders on the demo partnership, through HTTP as a browser would.</summary>
public class ComplianceScopingTests
{
    private const string PoliceLead = "ben.bland@northshire-police.example";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_lead_sees_and_exports_their_own_agency_and_gets_403_for_another(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var (police, health, nurse, policeStaff) = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var police = await db.Set<Agency>().Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync();
            var health = await db.Set<Agency>().Where(a => a.Name == "Northshire Community Health NHS Trust").Select(a => a.Id).SingleAsync();
            var nurse = await db.Set<AgencyMembership>().Where(m => m.AgencyId == health && !db.Set<AgencyMembership>().Any(o => o.PractitionerId == m.PractitionerId && o.AgencyId == police))
                .Select(m => m.PractitionerId).FirstAsync();
            var staff = await db.Set<AgencyMembership>().CountAsync(m => m.AgencyId == police && m.Status == MembershipStatus.Confirmed && m.LeavingDate == null);
            return (police, health, nurse, staff);
        });
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);

        var landing = await lead.GetAsync("/compliance");
        Assert.Equal($"/compliance/agencies/{police}", landing.Headers.Location?.OriginalString);
        var dashboard = await lead.GetStringAsync($"/compliance/agencies/{police}");
        Assert.Contains("Northshire Police", dashboard);
        Assert.Contains("Staff by requirement", dashboard);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/compliance/agencies/{health}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/compliance/agencies/{health}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/compliance/agencies/{health}/practitioners/{nurse}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/compliance/agencies/{police}/practitioners/{nurse}")).StatusCode);
        var forgedReminder = await lead.PostFormAsync($"/compliance/agencies/{health}?handler=Remind", [new("Selected", nurse.ToString())], formPage: $"/compliance/agencies/{police}");
        Assert.Equal(HttpStatusCode.Forbidden, forgedReminder.StatusCode);

        var export = await lead.GetAsync($"/compliance/agencies/{police}/export?status=Missing");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var workbook = new ExcelPackage(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Workbook.Worksheets["Compliance"];
        Assert.Equal("Neglect training compliance: Northshire Police", sheet.Cells[1, 1].Text);
        Assert.Equal("Filters: Status: Missing", sheet.Cells[3, 1].Text);
        var exported = Enumerable.Range(6, policeStaff).TakeWhile(r => sheet.Cells[r, 1].Text.Length > 0).Count();
        Assert.InRange(exported, 1, policeStaff - 1);
        for (var row = 6; row < 6 + exported; row++)
        {
            var statuses = Enumerable.Range(7, 3).Select(c => sheet.Cells[row, c].Text).ToList();
            Assert.Contains("Missing", statuses);
        }

        var (audited, nurseEmails) = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var entries = await db.Set<AuditEntry>().Where(e => e.Action == "Compliance exported").Select(e => new { e.SubjectId, e.Details, e.UserName }).ToListAsync();
            var nurseEmail = await db.Set<Practitioner>().Where(p => p.Id == nurse).Select(p => p.Email).SingleAsync();
            return (entries, await db.Set<OutboxMessage>().CountAsync(m => m.ToAddress == nurseEmail && m.Category == "ComplianceReminder"));
        });
        var entry = Assert.Single(audited);
        Assert.Equal(police.ToString(), entry.SubjectId);
        Assert.Equal($"{exported} people; filters: Status: Missing", entry.Details);
        Assert.Equal(0, nurseEmails);
    }

    [Fact]
    public async Task A_lead_reminding_someone_who_is_not_on_their_staff_gets_404_and_no_email_is_written()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var (police, _, nurse) = await app.PoliceHealthAndANurseAsync();
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);

        var reminded = await lead.PostFormAsync($"/compliance/agencies/{police}/practitioners/{nurse}?handler=Remind", [], formPage: $"/compliance/agencies/{police}");

        Assert.Equal(HttpStatusCode.NotFound, reminded.StatusCode);
        Assert.Equal(0, await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().CountAsync(m => m.Category == "ComplianceReminder")));
    }

    [Fact]
    public async Task A_lead_reminds_the_people_they_tick_and_each_gets_one_email_listing_what_is_outstanding()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo" });
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);
        var police = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<Agency>().Where(a => a.Name == "Northshire Police").Select(a => a.Id).SingleAsync());
        var page = await lead.GetStringAsync($"/compliance/agencies/{police}?status=Missing");
        var ticked = System.Text.RegularExpressions.Regex.Matches(page, "name=\"Selected\" type=\"checkbox\" value=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).Take(2).ToList();
        Assert.Equal(2, ticked.Count);

        var response = await lead.PostFormAsync($"/compliance/agencies/{police}?status=Missing&handler=Remind", ticked.Select(id => new KeyValuePair<string, string>("Selected", id)), formPage: $"/compliance/agencies/{police}?status=Missing");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("2 reminders sent.", await lead.GetStringAsync(response.Headers.Location!.OriginalString));
        var messages = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>()
            .Where(m => m.Category == "ComplianceReminder").Select(m => new { m.Subject, m.TextBody }).ToListAsync());
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Contains("not done yet", m.TextBody));
        Assert.All(messages, m => Assert.Contains("Ben Bland, your agency's safeguarding lead", m.TextBody));
    }
}

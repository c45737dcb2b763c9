using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;

namespace TrainingPortal.IntegrationTests;

/// <summary>A lead records a team briefing through the pages, and the officer briefed finds it in My learning.</summary>
public class BriefingLogTests
{
    private const string PoliceLead = "ben.bland@northshire-police.example";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_lead_logs_a_briefing_its_attendee_sees_it_in_my_learning_and_another_agencys_staff_are_refused(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var (police, _, nurse) = await app.PoliceHealthAndANurseAsync();
        // The demo library's seven-minute guide on dental neglect, and a police officer not yet briefed on it.
        var (officer, guide, guideTitle) = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var published = await (from v in db.Set<GuideVersion>()
                                   where v.Status == GuideVersionStatus.Published && v.Title == "Dental neglect"
                                   join g in db.Set<SevenMinuteGuide>() on v.GuideId equals g.Id
                                   select new { g.Number, g.CourseId, v.Title }).SingleAsync();
            var officer = await db.Set<Practitioner>().AsNoTracking()
                .Where(p => p.UserId == null && p.Email != null && p.Memberships.Count == 1
                    && p.Memberships.Any(m => m.AgencyId == police && m.Status == MembershipStatus.Confirmed && m.LeavingDate == null)
                    && !db.Set<TrainingRecord>().Any(r => r.PractitionerId == p.Id && r.CourseId == published.CourseId))
                .OrderBy(p => p.LastName).Select(p => new { p.Id, p.FirstName, p.LastName, Email = p.Email! }).FirstAsync();
            return (officer, published.Number, published.Title);
        });
        var logsBefore = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<BriefingLog>().CountAsync());
        var today = await app.InScopeAsync(s => Task.FromResult(UkTime.Today(s.GetRequiredService<TimeProvider>())));
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, app.Options.AdminPassword);

        var form = await lead.GetStringAsync($"/briefings/new?agencyId={police}");
        Assert.Contains(guideTitle, form);
        Assert.Contains($"{officer.FirstName} {officer.LastName}", form);
        Dictionary<string, string> Fields(Guid attendee) => new()
        {
            ["Input.AgencyId"] = police.ToString(), ["Input.GuideNumber"] = guide.ToString(),
            ["Input.DeliveredOn.Day"] = today.Day.ToString(), ["Input.DeliveredOn.Month"] = today.Month.ToString(), ["Input.DeliveredOn.Year"] = today.Year.ToString(),
            ["Input.Team"] = "Response team B", ["Input.DeliveredBy"] = "Ben Bland", ["Input.AttendeeIds"] = attendee.ToString(),
            ["Input.Actions[0].Description"] = "Add the guide to the shift briefing pack", ["Input.Actions[0].Owner"] = "Sergeant Cole",
            ["Input.Actions[0].DueOn.Day"] = "1", ["Input.Actions[0].DueOn.Month"] = "1", ["Input.Actions[0].DueOn.Year"] = (today.Year + 1).ToString(),
        };

        var smuggled = await lead.PostFormAsync("/briefings/new", Fields(nurse), formPage: $"/briefings/new?agencyId={police}");
        Assert.Equal(HttpStatusCode.Forbidden, smuggled.StatusCode);
        Assert.Equal(logsBefore, await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<BriefingLog>().CountAsync()));

        var saved = await lead.PostFormAsync("/briefings/new", Fields(officer.Id), formPage: $"/briefings/new?agencyId={police}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var logPage = await lead.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Response team B", logPage);
        Assert.Contains("Add the guide to the shift briefing pack", logPage);
        Assert.Contains("Add the guide to the shift briefing pack", await lead.GetStringAsync("/briefings/actions"));

        // The officer signs in for the first time, and their account is linked to their staff record.
        var account = await app.AccountAsync(officer.Email, officer.FirstName, officer.LastName, [Roles.Practitioner], app.Options.AdminPassword);
        Assert.Equal(officer.Id, await app.AsUserAsync(account, s => s.GetRequiredService<Learners>().EnsureCurrentAsync()));
        var attendee = app.CreateBrowserlikeClient();
        await attendee.SignInAsync(officer.Email, app.Options.AdminPassword);
        var learning = await attendee.GetStringAsync("/my-learning");
        Assert.Contains(guideTitle, learning);
        Assert.Contains(today.ToString("d MMM yyyy"), learning);
    }
}

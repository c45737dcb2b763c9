using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Recipes.Services;

namespace TrainingPortal.IntegrationTests;

public class SetupAndSignInTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Unattended_demo_setup_is_ready_and_the_administrator_sees_the_demo_agencies(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var client = app.CreateBrowserlikeClient();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var signIn = await client.SignInAsync(app.Options.AdminEmail, app.Options.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var agencies = await client.GetStringAsync("/agencies");
        Assert.Contains("Northshire Police", agencies);
        Assert.Contains("Riverbank Learning Trust", agencies);
        Assert.Contains(app.Options.PartnershipName, agencies);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Applying_the_demo_recipe_a_second_time_changes_nothing(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var before = await CountsAsync(app);
        // 200 agency staff, and the partnership's trainer, whose GCP2 licence gives them a learning record too.
        Assert.Equal(201, before.Practitioners);
        Assert.Equal(12, before.Agencies);
        // Three champions, a seven-minute and a one-minute guide, and three briefings of up to 8, 5 and 6 of a team's current staff (17 people).
        Assert.Equal((3, 2, 3, 17), (before.Champions, before.PublishedGuides, before.Briefings, before.BriefingRecords));
        // Every recent completion asked about, most answered, some comments, and answered follow-ups that say practice changed.
        Assert.True(before.EvaluationRequests > before.EvaluationResponses && before.EvaluationResponses > 20, $"{before}");
        Assert.True(before.EvaluationComments > 5 && before.FollowUpsAnswered > 5 && before.PracticeChangedWithExamples > 0, $"{before}");
        Assert.Equal(17, await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<EvaluationRequest>().CountAsync(r => r.Source == TrainingSource.Briefing)));
        Assert.True(await LargestAgencyCourseResponsesAsync(app) >= EvaluationLimits.SmallestGroupShownToLeads);

        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await services.GetRequiredService<RecipeRunner>().ApplyAsync("demo", new Dictionary<string, string>(), CancellationToken.None);
            await transaction.CommitAsync();
        });

        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Before_set_up_every_page_leads_to_the_set_up_page_which_refuses_bad_input_and_keeps_it()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = null });
        var client = app.CreateBrowserlikeClient();

        var home = await client.GetAsync("/agencies");
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);

        var response = await client.PostFormAsync("/setup", new Dictionary<string, string>
        {
            ["Input.PartnershipName"] = "Westshire Safeguarding Children Partnership",
            ["Input.Recipe"] = "neglect-partnership",
            ["Input.AdminFirstName"] = "Ada",
            ["Input.AdminLastName"] = "Admin",
            ["Input.AdminEmail"] = "ada@westshire.example",
            ["Input.AdminPassword"] = "short",
        });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", page);
        Assert.Contains("Password must be 12 characters or more", page);
        Assert.Contains("Westshire Safeguarding Children Partnership", page);
        Assert.Equal("/setup", (await client.GetAsync("/")).Headers.Location?.OriginalString);

        var done = await client.PostFormAsync("/setup", new Dictionary<string, string>
        {
            ["Input.PartnershipName"] = "Westshire Safeguarding Children Partnership",
            ["Input.Recipe"] = "neglect-partnership",
            ["Input.AdminFirstName"] = "Ada",
            ["Input.AdminLastName"] = "Admin",
            ["Input.AdminEmail"] = "ada@westshire.example",
            ["Input.AdminPassword"] = "copper-kettle-meadow-9",
        });
        Assert.Equal("/account/login", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("ada@westshire.example", "copper-kettle-meadow-9")).StatusCode);
        Assert.Contains("Workforce groups", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_forms_without_an_antiforgery_token_are_refused()
    {
        await using var app = await PortalApp.StartAsync();
        var client = app.CreateBrowserlikeClient();

        var page = await client.GetAsync("/account/login");
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        var forged = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = app.Options.AdminEmail,
            ["Password"] = app.Options.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie") && forged.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("TrainingPortal.Auth")));
    }

    internal sealed record Counts(int Agencies, int Teams, int Practitioners, int Memberships, int Users, int Groups, int Settings,
        int Champions, int PublishedGuides, int Briefings, int BriefingRecords, int CourseVersions, int TrainingRecords,
        int EvaluationRequests, int EvaluationResponses, int EvaluationComments, int OutcomeConfidences, int FollowUps, int FollowUpsAnswered, int PracticeChangedWithExamples);

    internal static Task<Counts> CountsAsync(PortalApp app) => app.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        return new Counts(
            await db.Set<Agency>().CountAsync(), await db.Set<Team>().CountAsync(), await db.Set<Practitioner>().CountAsync(),
            await db.Set<AgencyMembership>().CountAsync(), await db.Set<TrainingPortal.Identity.Domain.PortalUser>().CountAsync(),
            await db.Set<WorkforceGroup>().CountAsync(), await db.Set<TrainingPortal.Data.Settings.PortalSetting>().CountAsync(),
            await db.Set<Champion>().CountAsync(c => c.Spells.Any(x => x.Status == SpellStatus.Active)),
            await db.Set<GuideVersion>().CountAsync(v => v.Status == GuideVersionStatus.Published), await db.Set<BriefingLog>().CountAsync(),
            await db.Set<TrainingRecord>().CountAsync(r => r.Source == TrainingSource.Briefing), await db.Set<CourseVersion>().CountAsync(), await db.Set<TrainingRecord>().CountAsync(),
            await db.Set<EvaluationRequest>().CountAsync(), await db.Set<EvaluationResponse>().CountAsync(),
            await db.Set<EvaluationResponse>().CountAsync(r => r.DoingDifferently != null), await db.Set<OutcomeConfidence>().CountAsync(),
            await db.Set<FollowUp>().CountAsync(), await db.Set<FollowUp>().CountAsync(f => f.Status == FollowUpStatus.Answered),
            await db.Set<FollowUp>().CountAsync(f => f.PracticeChange == PracticeChange.Changed && f.Example != null));
    });

    /// <summary>The most responses any one agency's current staff gave on one course: what a lead's totals need five of.</summary>
    private static Task<int> LargestAgencyCourseResponsesAsync(PortalApp app) => app.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var groups = await (from r in db.Set<EvaluationRequest>()
                            where r.AnsweredAt != null
                            join m in db.Set<AgencyMembership>() on r.PractitionerId equals m.PractitionerId
                            where m.LeavingDate == null && m.Status == MembershipStatus.Confirmed
                            group r by new { m.AgencyId, r.CourseId } into g
                            select g.Count()).ToListAsync();
        return groups.DefaultIfEmpty(0).Max();
    });
}

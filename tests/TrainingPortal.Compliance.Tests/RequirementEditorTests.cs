using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Compliance.Tests;

/// <summary>The training unit sets requirements through <see cref="RequirementEditor"/> and the requirements pages.</summary>
public sealed class RequirementEditorTests : IAsyncLifetime
{
    private CompliancePortal portal = null!;

    public async Task InitializeAsync() => portal = await CompliancePortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task<OperationResult<Guid>> SaveAsync(Guid? id, RequirementInput input) =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<RequirementEditor>().SaveAsync(id, input));

    private Task<Guid> CourseIdAsync(string code) =>
        portal.App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<Course>().Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    private Task<int> GroupIdAsync(string code) =>
        portal.App.InScopeAsync(async s => (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == code).Id);

    private static string Text(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), "\\s+", " "));

    [Fact]
    public async Task A_requirement_needs_a_name_a_course_and_a_workforce_group()
    {
        var result = await SaveAsync(null, new RequirementInput { Name = "  " });

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                new FieldError(nameof(RequirementInput.Name), "Enter a name for the requirement"),
                new FieldError(nameof(RequirementInput.MainCourseId), "Select the course that meets this requirement"),
                new FieldError(nameof(RequirementInput.WorkforceGroupIds), "Select at least one workforce group that needs this training"),
            ],
            result.Errors);
        Assert.Equal(3, (await portal.As(portal.Coordinator, s => s.GetRequiredService<ComplianceCalculator>().RequirementsAsync())).Count);
    }

    [Fact]
    public async Task Two_requirements_cannot_share_a_name()
    {
        var result = await SaveAsync(null, new RequirementInput
        {
            Name = CompliancePortal.Basic, MainCourseId = await CourseIdAsync("THRESH"), WorkforceGroupIds = [await GroupIdAsync("G1")],
        });

        Assert.Equal([new FieldError(nameof(RequirementInput.Name), "Another requirement already has this name")], result.Errors);
    }

    [Fact]
    public async Task A_change_is_recorded_in_the_audit_trail_with_before_and_after()
    {
        var basic = await portal.RequirementIdAsync(CompliancePortal.Basic);
        var input = (await portal.As(portal.Coordinator, s => s.GetRequiredService<RequirementEditor>().GetAsync(basic)))!;
        input.AlternativeCourseIds.Add(await CourseIdAsync("NEG-ADV"));

        var result = await SaveAsync(basic, input);

        Assert.True(result.Succeeded);
        var entry = await portal.App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<AuditEntry>()
            .Where(e => e.Action == "Requirement changed" && e.SubjectId == basic.ToString()).SingleAsync());
        Assert.Equal(portal.Coordinator.Email, entry.UserName);
        Assert.Equal($"{CompliancePortal.Basic}: NEG-BASIC; groups G1, G2, G3, G4 → {CompliancePortal.Basic}: NEG-BASIC or NEG-ADV; groups G1, G2, G3, G4", entry.Details);
    }

    [Fact]
    public async Task The_form_shows_each_problem_in_the_error_summary_linked_to_its_field()
    {
        var client = await portal.SignInAsync(portal.Coordinator);

        var response = await client.PostFormAsync("/compliance/requirements/new", new Dictionary<string, string> { ["Input.Name"] = "" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: Add a requirement", WebUtility.HtmlDecode(Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value));
        var links = Regex.Matches(html, "<li><a href=\"(#[^\"]+)\">([^<]+)</a></li>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(
            [
                ("#Input_Name", "Enter a name for the requirement"),
                ("#Input_MainCourseId", "Select the course that meets this requirement"),
                ("#Input_WorkforceGroupIds", "Select at least one workforce group that needs this training"),
            ],
            links);
        Assert.Contains("id=\"Input_Name\"", html);
        Assert.Contains("id=\"Input_MainCourseId\"", html);
        Assert.Contains("id=\"Input_WorkforceGroupIds\"", html);
    }

    [Fact]
    public async Task Adding_a_requirement_from_the_form_lists_it_with_a_success_message_and_in_the_group_matrix()
    {
        var client = await portal.SignInAsync(portal.Coordinator);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", "Thresholds training"),
            new("Input.MainCourseId", (await CourseIdAsync("THRESH")).ToString()),
            new("Input.AlternativeCourseIds", (await CourseIdAsync("NEG-ADOL")).ToString()),
            new("Input.WorkforceGroupIds", (await GroupIdAsync("G2")).ToString()),
            new("Input.WorkforceGroupIds", (await GroupIdAsync("G3")).ToString()),
        };

        var response = await client.PostFormAsync("/compliance/requirements/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compliance/requirements", response.Headers.Location?.OriginalString);
        var list = Text(await client.PageAsync("/compliance/requirements"));
        Assert.Contains("Success Requirement added: Thresholds training.", list);
        Assert.Contains("Thresholds training Thresholds and levels of need THRESH Adolescent neglect (NEG-ADOL) Group 2: Regular contact Group 3: Assessing and leading on neglect", list);
        Assert.Contains("Group 1: General contact ✓ Needed Not needed Not needed Not needed", list);
        Assert.Contains("Group 2: Regular contact ✓ Needed ✓ Needed Not needed ✓ Needed", list);
    }

    [Fact]
    public async Task Removing_a_requirement_asks_first_then_takes_its_past_figures_out_of_the_trend()
    {
        var gcp2 = await portal.RequirementIdAsync(CompliancePortal.Gcp2);
        await portal.StaffSinceAsync(portal.Health, "G3", new DateOnly(2023, 1, 1));
        await portal.App.InScopeAsync(s => s.GetRequiredService<Jobs.ComplianceSnapshotJob>().TakeAsync(new DateOnly(2026, 5, 31)));
        var client = await portal.SignInAsync(portal.Coordinator);

        var confirm = Text(await client.PageAsync($"/compliance/requirements/{gcp2}/remove"));
        var response = await client.PostFormAsync($"/compliance/requirements/{gcp2}/remove", []);

        Assert.Contains("Are you sure you want to remove this requirement?", confirm);
        Assert.Contains("its figures will be removed from every past month of the partnership trend", confirm);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Requirement removed: GCP2 practitioner.", Text(await client.PageAsync("/compliance/requirements")));
        var left = await portal.App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<ComplianceSnapshot>().Select(x => x.RequirementId).ToListAsync());
        Assert.Equal(2, left.Count);
        Assert.DoesNotContain(gcp2, left);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/compliance/requirements/{gcp2}")).StatusCode);
    }

    [Fact]
    public async Task The_due_soon_window_must_be_a_whole_number_of_days_and_is_saved_with_a_message()
    {
        var client = await portal.SignInAsync(portal.Coordinator);

        var wrong = await client.PostFormAsync("/compliance/requirements?handler=DueSoon", new Dictionary<string, string> { ["DueSoonDays"] = "two months" }, formPage: "/compliance/requirements");
        var right = await client.PostFormAsync("/compliance/requirements?handler=DueSoon", new Dictionary<string, string> { ["DueSoonDays"] = "30" }, formPage: "/compliance/requirements");

        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#DueSoonDays\">Enter the due-soon window as a whole number of days, from 0 to 365</a>", wrongHtml);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var page = await client.PageAsync("/compliance/requirements");
        Assert.Contains("training expiring within 30 days now shows as due soon", page);
        Assert.Matches("id=\"DueSoonDays\"[^>]*value=\"30\"|value=\"30\"[^>]*id=\"DueSoonDays\"", page);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Compliance.Jobs;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Compliance.Tests;

/// <summary>The partnership heatmap and trend as the board and the training unit see them, through the app's own pages.</summary>
public sealed class PartnershipPageTests : IAsyncLifetime
{
    private CompliancePortal portal = null!;
    private SignedInUser boardMember = null!;

    public async Task InitializeAsync()
    {
        portal = await CompliancePortal.StartAsync();
        boardMember = await portal.AccountAsync("Bea", "Boardman", Roles.BoardMember);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private static string Text(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), "\\s+", " "));

    [Fact]
    public async Task A_board_member_sees_each_agencys_figures_without_anyones_name_or_a_link_to_the_agency()
    {
        var zelda = await portal.StaffAsync(portal.Health, "G1", name: "Zelda Quartermaine");
        await portal.StaffAsync(portal.Health, "G1", name: "Otto Nobody");
        await portal.StaffAsync(portal.Police, "G2", name: "Ximena Thistlewood");
        await portal.CompletedAsync(zelda, "NEG-BASIC", new DateOnly(2026, 1, 10));
        var client = await portal.SignInAsync(boardMember);

        var html = await client.PageAsync("/compliance/partnership");

        var text = Text(html);
        Assert.Contains("Northshire Community Health", text);
        Assert.Contains("Northshire Police", text);
        Assert.Contains("50% 1 of 2 staff", text);
        foreach (var name in new[] { "Zelda", "Quartermaine", "Otto", "Nobody", "Ximena", "Thistlewood", "Hana", "Priya" })
        {
            Assert.DoesNotContain(name, html);
        }
        Assert.DoesNotContain("/compliance/agencies/", html);
    }

    [Fact]
    public async Task The_training_unit_can_open_each_agency_from_the_heatmap()
    {
        await portal.StaffAsync(portal.Health, "G1");
        var client = await portal.SignInAsync(portal.Coordinator);

        var html = await client.PageAsync("/compliance/partnership");

        Assert.Contains($"<a class=\"govuk-link\" href=\"/compliance/agencies/{portal.Health}\">Northshire Community Health</a>", html);
        Assert.Contains($"<a class=\"govuk-link\" href=\"/compliance/agencies/{portal.Police}\">Northshire Police</a>", html);
    }

    [Fact]
    public async Task Cells_carry_their_percentage_as_text_and_a_band_the_legend_explains()
    {
        var met = await portal.StaffAsync(portal.Health, "G1");
        await portal.StaffAsync(portal.Police, "G1");
        await portal.CompletedAsync(met, "NEG-BASIC", new DateOnly(2026, 1, 10));
        var client = await portal.SignInAsync(boardMember);

        var html = await client.PageAsync("/compliance/partnership");

        Assert.Matches("portal-heatmap__cell--full\">\\s*<span class=\"portal-heatmap__percent\">100%</span>", html);
        Assert.Matches("portal-heatmap__cell--low\">\\s*<span class=\"portal-heatmap__percent\">0%</span>", html);
        Assert.Matches("portal-heatmap__cell--medium\">\\s*<span class=\"portal-heatmap__percent\">50%</span>", html);
        var legend = Text(Regex.Match(html, "<ul class=\"portal-heatmap-legend\".*?</ul>", RegexOptions.Singleline).Value);
        Assert.Contains("95% or more", legend);
        Assert.Contains("Under 50%", legend);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Neglect basic training</th>", html);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">All agencies</th>", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task Agencies_are_grouped_by_sector_and_can_be_narrowed_to_one()
    {
        await portal.StaffAsync(portal.Health, "G1");
        await portal.StaffAsync(portal.Police, "G1");
        var client = await portal.SignInAsync(boardMember);

        var all = Text(await client.PageAsync("/compliance/partnership"));
        var police = Text(await client.PageAsync("/compliance/partnership?sector=Police"));

        Assert.Contains("Health Northshire Community Health", all);
        Assert.Contains("Police Northshire Police", all);
        Assert.Contains("Northshire Police", police);
        Assert.DoesNotContain("Northshire Community Health", police);
        Assert.Contains("All Police agencies", police);
    }

    [Fact]
    public async Task With_no_requirements_the_page_says_there_is_nothing_to_measure()
    {
        await portal.As(portal.Coordinator, async s =>
        {
            var editor = s.GetRequiredService<Services.RequirementEditor>();
            foreach (var requirement in await s.GetRequiredService<Services.ComplianceCalculator>().RequirementsAsync())
            {
                Assert.True((await editor.RemoveAsync(requirement.Id)).Succeeded);
            }
        });
        var client = await portal.SignInAsync(boardMember);

        var html = await client.PageAsync("/compliance/partnership");

        Assert.Contains("No training requirements have been set yet", html);
        Assert.DoesNotContain("portal-heatmap__cell", html);
    }

    [Fact]
    public async Task The_trend_page_draws_24_months_and_today_and_says_how_old_months_were_worked_out()
    {
        var person = await portal.StaffSinceAsync(portal.Health, "G1", new DateOnly(2023, 1, 1), name: "Wilma Hindsight");
        await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2025, 3, 15));
        await portal.App.InScopeAsync(s => s.GetRequiredService<ComplianceSnapshotJob>().CatchUpAsync(CancellationToken.None));
        var client = await portal.SignInAsync(boardMember);

        var html = await client.PageAsync("/compliance/partnership/trend");

        Assert.Contains("role=\"img\"", html);
        Assert.Contains("reconstructed from the training records", html);
        var rows = Regex.Matches(html, "<th scope=\"row\" class=\"govuk-table__header\">([^<]+)</th>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(25, rows.Count);
        Assert.Equal("June 2024", rows[0]);
        Assert.Equal("Today, 1 June 2026", rows[^1]);
        Assert.Contains("February 2025</th>", html);
        Assert.DoesNotContain("Wilma", html);
        Assert.DoesNotContain("Hindsight", html);
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task A_board_member_cannot_open_the_requirements_pages()
    {
        var basic = await portal.RequirementIdAsync(CompliancePortal.Basic);
        var client = await portal.SignInAsync(boardMember);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/compliance/requirements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/compliance/requirements/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/compliance/requirements/{basic}/remove")).StatusCode);
    }

    [Fact]
    public async Task A_safeguarding_lead_cannot_open_the_partnership_view()
    {
        var client = await portal.SignInAsync(portal.HealthLead);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/compliance/partnership")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/compliance/partnership/trend")).StatusCode);
    }
}

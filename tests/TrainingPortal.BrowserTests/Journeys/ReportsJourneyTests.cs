using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Reporting.Jobs;
using TrainingPortal.Reporting.Services;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// The training coordinator runs the last period's bi-annual reports from the reports page and watches them being
/// generated; the police safeguarding lead then reads their agency's report on screen and downloads its workbook,
/// and another agency's lead is refused it.
/// </summary>
/// <remarks>The job server is off, so the test runs the report job while the browser is looking at the progress page.</remarks>
[Collection(BrowserCollection.Name)]
public sealed class ReportsJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string CoordinatorEmail = "sophie.ashworth@northshire-scp.example";
    private const string PoliceLeadEmail = "ben.bland@northshire-police.example";
    private const string HealthLeadEmail = "karolina.lewandowska@northshire-nhs.example";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Fact]
    public async Task Coordinator_runs_a_period_the_police_lead_reads_and_downloads_their_report_and_another_lead_is_refused_it()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });
        var password = app.Options.AdminPassword;

        // 1. The coordinator asks for the reports and follows their progress.
        string policeReport;
        await using (var coordinator = await browser.NewSessionAsync(app.RootUri, output))
        {
            var page = coordinator.Page;
            await SignInAsync(coordinator, CoordinatorEmail, password);
            await coordinator.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }), "/reports");
            await Expect(Heading(page, "Bi-annual reports")).ToBeVisibleAsync();

            await coordinator.ClickAsync(Button(page, "Run reports"), "/reports");
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the period to run the reports for");
            await Expect(page.Locator(".govuk-error-summary a[href='#Period']")).ToHaveCountAsync(1);

            var radios = MainContent(page).GetByRole(AriaRole.Radio);
            await Expect(radios).ToHaveCountAsync(6);
            await radios.First.CheckAsync();
            await coordinator.ClickAsync(Button(page, "Run reports"), $"/reports/runs/{Guid}");
            await Expect(Heading(page, "Generating reports")).ToBeVisibleAsync();
            await Expect(page.Locator("[aria-live=polite]")).ToContainTextAsync("Waiting to generate 13 reports");

            var runId = System.Guid.Parse(coordinator.Path.Split('/')[^1]);
            await app.InScopeAsync(s => s.GetRequiredService<BiAnnualReportJob>().RunAsync(runId, CancellationToken.None));
            await Expect(Heading(page, "Reports generated")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await coordinator.CheckPageAsync();
            await Expect(page.Locator(".govuk-panel__body")).ToContainTextAsync("Generated 13 reports");

            await coordinator.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { NameRegex = new("^See the reports for ") }), "/reports");
            var runs = page.GetByRole(AriaRole.Table, new() { Name = "Recent runs" });
            await Expect(runs.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Done");

            // The partnership's report has a line for each agency and names nobody.
            await coordinator.ClickAsync(MainContent(page).GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new($"^{app.Options.PartnershipName}\\b") }).First, $"/reports/{Guid}");
            await Expect(Heading(page, app.Options.PartnershipName)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Figures for each agency (no one is named)" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(13);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff who completed training" })).ToHaveCountAsync(0);
            coordinator.AssertEveryPageChecked();
        }

        // 2. The police lead sees their own report only, reads it and downloads the workbook.
        await using (var lead = await browser.NewSessionAsync(app.RootUri, output))
        {
            var page = lead.Page;
            await SignInAsync(lead, PoliceLeadEmail, password);
            await lead.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }), "/reports");
            var reportLinks = MainContent(page).GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new("^Northshire Police\\b") });
            await Expect(reportLinks).ToHaveCountAsync(1);
            await Expect(MainContent(page)).Not.ToContainTextAsync("Northshire Community Health NHS Trust");
            await Expect(MainContent(page)).Not.ToContainTextAsync("Run reports for a period");

            await lead.ClickAsync(reportLinks, $"/reports/{Guid}");
            policeReport = lead.Path;
            await Expect(Heading(page, "Northshire Police")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Figure, new() { Name = "Percentage of staff compliant, last four periods" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff who completed training" })).ToBeVisibleAsync();

            var download = await page.RunAndWaitForDownloadAsync(() =>
                MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Download this report as an Excel workbook" }).ClickAsync());
            Assert.Matches("^neglect-training-report-northshire-police-\\d{4}-\\d{2}-01\\.xlsx$", download.SuggestedFilename);
            using (var workbook = new ExcelPackage(new FileInfo(await download.PathAsync())))
            {
                var summary = workbook.Workbook.Worksheets[ReportWorkbook.SummarySheet];
                Assert.StartsWith("Northshire Police", summary.Cells[1, 1].Text);
            }
            lead.AssertEveryPageChecked();
        }

        // 3. Another agency's lead is refused the police report.
        await using (var otherLead = await browser.NewSessionAsync(app.RootUri, output))
        {
            await SignInAsync(otherLead, HealthLeadEmail, password);
            var refused = await otherLead.GotoAsync(policeReport);
            Assert.Equal((int)HttpStatusCode.Forbidden, refused.Status);
            otherLead.AssertEveryPageChecked();
        }
    }
}

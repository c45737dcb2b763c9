using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Agencies.Jobs;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// A safeguarding lead imports three new starters, opens the compliance dashboard, narrows it to the new team's
/// missing training, downloads that list as a spreadsheet that states its filters, and reminds two of them.
/// </summary>
/// <remarks>The job server is off, so the test runs the import's jobs while the browser watches the progress page.</remarks>
[Collection(BrowserCollection.Name)]
public sealed class ComplianceJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string LeadEmail = "ben.bland@northshire-police.example";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private const string Team = "Response team East";

    [Fact]
    public async Task Lead_imports_staff_filters_the_dashboard_to_missing_exports_the_list_and_reminds_people()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });
        await using var lead = await browser.NewSessionAsync(app.RootUri, output);
        var page = lead.Page;
        await SignInAsync(lead, LeadEmail, app.Options.AdminPassword);

        // 1. Import three new starters from the agency's staff list.
        await lead.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Agencies", Exact = true }), "/agencies");
        await lead.ClickAsync(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First, $"/agencies/{Guid}");
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }), $"/agencies/{Guid}/practitioners");
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Import staff from a spreadsheet" }), $"/agencies/{Guid}/staff/import");
        await page.GetByLabel("Staff file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "new-starters.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(
                "Employee reference,First name,Last name,Email,Team,Job title,Workforce group,Frontline,Start date,Leaving date\r\n"
                + $"PX-201,Nia,Rhodes,nia.rhodes@northshire-police.example,{Team},Police constable,G2,yes,01/09/2025,\r\n"
                + $"PX-202,Omar,Qureshi,omar.qureshi@northshire-police.example,{Team},Police constable,G2,yes,01/09/2025,\r\n"
                + $"PX-203,Pat,Quinn,pat.quinn@northshire-police.example,{Team},Station receptionist,G1,no,01/09/2025,\r\n"),
        });
        await lead.ClickAsync(Button(page, "Upload and check"), $"/agencies/{Guid}/staff/import/{Guid}");
        await RunImportJobAsync(app, lead, (job, id) => job.ValidateAsync(id, CancellationToken.None));
        await Expect(Heading(page, "Check the changes before you apply them")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await lead.CheckPageAsync();
        await lead.ClickAsync(Button(page, "Apply these changes"), $"/agencies/{Guid}/staff/import/{Guid}");
        await RunImportJobAsync(app, lead, (job, id) => job.ApplyAsync(id, CancellationToken.None));
        await Expect(Heading(page, "Staff list updated")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await lead.CheckPageAsync();

        // 2. The dashboard: the lead of one agency lands straight on it.
        await lead.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Compliance", Exact = true }), $"/compliance/agencies/{Guid}");
        await Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync("Northshire Police");
        await Expect(page.GetByRole(AriaRole.Figure, new() { Name = "Staff by requirement" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Figure, new() { Name = "Requirements by team" })).ToContainTextAsync(Team);

        // 3. Narrow it to the new team's missing training.
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Missing" });
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Team });
        await lead.ClickAsync(Button(page, "Apply filters"), $"/compliance/agencies/{Guid}");
        await Expect(MainContent(page)).ToContainTextAsync($"Filters: Team: {Team}; Status: Missing");
        var rows = page.Locator("table.portal-compliance-table tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Filter(new() { HasText = "Nia Rhodes" })).ToContainTextAsync("Missing");

        // 4. Download that list: the sheet says which filters made it.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Download this list as a spreadsheet" }).ClickAsync());
        using (var workbook = new ExcelPackage(new FileInfo(await download.PathAsync())))
        {
            var sheet = workbook.Workbook.Worksheets["Compliance"];
            Assert.Equal($"Filters: Team: {Team}; Status: Missing", sheet.Cells[3, 1].Text);
            Assert.Equal(["Nia Rhodes", "Omar Qureshi", "Pat Quinn"], Enumerable.Range(6, 3).Select(r => sheet.Cells[r, 1].Text).Order().ToArray());
            Assert.Equal("Missing", sheet.Cells[6, 7].Text);
        }

        // 5. Remind two of them; each gets an email naming what they still need.
        await page.GetByLabel("Select Nia Rhodes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Select Omar Qureshi", new() { Exact = true }).CheckAsync();
        await lead.ClickAsync(Button(page, "Send reminders to selected people"), $"/compliance/agencies/{Guid}");
        await Expect(SuccessBanner(page)).ToContainTextAsync("2 reminders sent.");
        var reminded = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<OutboxMessage>()
            .Where(m => m.Category == "ComplianceReminder").Select(m => new { m.ToAddress, m.TextBody }).ToListAsync());
        Assert.Equal(["nia.rhodes@northshire-police.example", "omar.qureshi@northshire-police.example"], reminded.Select(m => m.ToAddress).Order().ToArray());
        Assert.All(reminded, m => Assert.Contains("Neglect advanced training: not done yet", m.TextBody));

        // 6. Drill down to the one not reminded.
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Pat Quinn", Exact = true }), $"/compliance/agencies/{Guid}/practitioners/{Guid}");
        await Expect(Heading(page, "Pat Quinn")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Neglect basic training" })).ToContainTextAsync("Missing");
        await Expect(Button(page, "Send Pat a reminder")).ToBeVisibleAsync();

        lead.AssertEveryPageChecked();
    }

    private static Task RunImportJobAsync(PortalApp app, BrowserSession session, Func<StaffImportJob, System.Guid, Task> work)
    {
        var importId = System.Guid.Parse(session.Path.Split('/')[^1]);
        return app.InScopeAsync(s => work(s.GetRequiredService<StaffImportJob>(), importId));
    }
}

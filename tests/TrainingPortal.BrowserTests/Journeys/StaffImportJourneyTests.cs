using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Jobs;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// A safeguarding lead imports their staff list: a file with a mistake is reported row by row and changes nothing;
/// the corrected file is previewed, applied, and the staff list shows the new people. The status page follows the
/// background job by itself (its script reloads the page when the job is done).
/// </summary>
/// <remarks>The job server is off, so the test runs each job while the browser is looking at the progress page.</remarks>
[Collection(BrowserCollection.Name)]
public sealed class StaffImportJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string LeadEmail = "ben.bland@northshire-police.example";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private const string Headings = "Employee reference,First name,Last name,Email,Team,Job title,Workforce group,Frontline,Start date,Leaving date\r\n";

    [Fact]
    public async Task Lead_uploads_a_file_with_a_mistake_corrects_it_and_applies_it()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });
        await using var lead = await browser.NewSessionAsync(app.RootUri, output);
        var page = lead.Page;
        await SignInAsync(lead, LeadEmail, app.Options.AdminPassword);
        await lead.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Agencies", Exact = true }), "/agencies");
        await lead.ClickAsync(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First, $"/agencies/{Guid}");
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }), $"/agencies/{Guid}/practitioners");
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Import staff from a spreadsheet" }), $"/agencies/{Guid}/staff/import");
        var uploadPath = lead.Path;

        // Nothing chosen: the error summary links to the file control.
        await lead.ClickAsync(Button(page, "Upload and check"), uploadPath);
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a staff file to upload");
        await Expect(page.Locator(".govuk-error-summary a[href='#Upload']")).ToHaveCountAsync(1);

        // A file with an unknown workforce group in its second row.
        await page.GetByLabel("Staff file", new() { Exact = true }).SetInputFilesAsync(Csv("june-staff.csv",
            "PX-101,Ada,Lovell,ada.lovell@northshire-police.example,,Police constable,G2,yes,01/04/2024,\r\n"
            + "PX-102,Bryn,Hale,bryn.hale@northshire-police.example,,Police constable,G9,yes,2024-04-01,\r\n"));
        await lead.ClickAsync(Button(page, "Upload and check"), $"{uploadPath}/{Guid}");
        await Expect(Heading(page, "Checking your file")).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-live=polite]")).ToContainTextAsync("Waiting to check 2 rows");
        await RunJobsAsync(app, job => job.ValidateAsync(ImportId(lead), CancellationToken.None));
        await Expect(Heading(page, "Your file has problems")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await lead.CheckPageAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Row 3, Workforce group: Unknown workforce group ‘G9’");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply these changes" })).ToHaveCountAsync(0);

        // The corrected file: previewed, then applied.
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Upload a corrected file" }), uploadPath);
        await page.GetByLabel("Staff file", new() { Exact = true }).SetInputFilesAsync(Csv("june-staff.csv",
            "PX-101,Ada,Lovell,ada.lovell@northshire-police.example,Response team East,Police constable,G2,yes,01/04/2024,\r\n"
            + "PX-102,Bryn,Hale,bryn.hale@northshire-police.example,Response team East,Police constable,G3,yes,2024-04-01,\r\n"));
        await lead.ClickAsync(Button(page, "Upload and check"), $"{uploadPath}/{Guid}");
        await RunJobsAsync(app, job => job.ValidateAsync(ImportId(lead), CancellationToken.None));
        await Expect(Heading(page, "Check the changes before you apply them")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await lead.CheckPageAsync();
        await Expect(page.Locator(".govuk-summary-list__row").Filter(new() { HasText = "New staff" })).ToContainTextAsync("2");
        await Expect(MainContent(page)).ToContainTextAsync("New team ‘Response team East’ will be added to the agency");

        await lead.ClickAsync(Button(page, "Apply these changes"), $"{uploadPath}/{Guid}");
        await Expect(Heading(page, "Applying your file")).ToBeVisibleAsync();
        await RunJobsAsync(app, job => job.ApplyAsync(ImportId(lead), CancellationToken.None));
        await Expect(Heading(page, "Staff list updated")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await lead.CheckPageAsync();

        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Go to the staff list" }), $"/agencies/{Guid}/practitioners");
        await page.GetByLabel("Name, email or employee reference", new() { Exact = true }).FillAsync("PX-102");
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Button, new() { Name = "Apply filters" }));
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Bryn Hale");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Response team East");

        lead.AssertEveryPageChecked();
    }

    private static FilePayload Csv(string name, string rows) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Headings + rows) };

    private static System.Guid ImportId(BrowserSession session) => System.Guid.Parse(session.Path.Split('/')[^1]);

    private static Task RunJobsAsync(PortalApp app, Func<StaffImportJob, Task> work) =>
        app.InScopeAsync(s => work(s.GetRequiredService<StaffImportJob>()));
}

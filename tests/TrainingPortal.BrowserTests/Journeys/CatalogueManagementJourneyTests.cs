using System.Text.RegularExpressions;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// The training unit's side of the catalogue: a lead records training one of their staff did elsewhere, the
/// coordinator approves it, then changes a lesson of a course people have completed, which makes a new version.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CatalogueManagementJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string LeadEmail = "ben.bland@northshire-police.example";
    private const string CoordinatorEmail = "sophie.ashworth@northshire-scp.example";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Fact]
    public async Task Lead_records_outside_training_the_coordinator_approves_it_and_a_lesson_change_makes_version_2()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });
        var password = app.Options.AdminPassword;

        // 1. The lead opens one of their staff and records a course done with another provider, with evidence.
        await using var lead = await browser.NewSessionAsync(app.RootUri, output);
        var page = lead.Page;
        await SignInAsync(lead, LeadEmail, password);
        await lead.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Agencies", Exact = true }), "/agencies");
        await lead.ClickAsync(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First, $"/agencies/{Guid}");
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }), $"/agencies/{Guid}/practitioners");
        var person = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First;
        var name = (await person.InnerTextAsync()).Trim();
        await lead.ClickAsync(person, $"/agencies/{Guid}/practitioners/{Guid}");
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Training record", Exact = true }), $"/agencies/{Guid}/practitioners/{Guid}/training");
        await Expect(MainContent(page).GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);

        await lead.ClickAsync(Button(page, "Record training"), $"/agencies/{Guid}/practitioners/{Guid}/training");
        var errors = page.Locator(".govuk-error-summary");
        await Expect(errors).ToContainTextAsync("Select the course this training was equivalent to");
        await Expect(errors).ToContainTextAsync("Enter who provided the training");

        await page.GetByLabel("Which course was it equivalent to?", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Thresholds and levels of need" });
        var completed = page.GetByRole(AriaRole.Group, new() { Name = "When was it completed?" });
        await completed.GetByLabel("Day", new() { Exact = true }).FillAsync("14");
        await completed.GetByLabel("Month", new() { Exact = true }).FillAsync("3");
        await completed.GetByLabel("Year", new() { Exact = true }).FillAsync("2025");
        await page.GetByLabel("Who provided it?", new() { Exact = true }).FillAsync("Westshire Safeguarding Children Partnership");
        await page.GetByLabel("Why should it count?", new() { Exact = true }).FillAsync("Half-day thresholds workshop while on secondment; covered the continuum of need and step-up.");
        await page.GetByLabel("Evidence (optional)", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "thresholds-certificate.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
        });
        await lead.ClickAsync(Button(page, "Record training"), $"/agencies/{Guid}/practitioners/{Guid}/training");
        await Expect(SuccessBanner(page)).ToContainTextAsync("Recorded. A training coordinator will check it.");
        var recorded = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Thresholds and levels of need" }).Filter(new() { HasText = "14 Mar 2025" });
        await Expect(recorded).ToContainTextAsync("Awaiting approval");

        // 2. The coordinator approves it.
        await using var coordinator = await browser.NewSessionAsync(app.RootUri, output);
        page = coordinator.Page;
        await SignInAsync(coordinator, CoordinatorEmail, password);
        await coordinator.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Approvals", Exact = true }), "/catalogue/approvals");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).Filter(new() { HasText = "Westshire Safeguarding Children Partnership" });
        await Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download") })).ToBeVisibleAsync();
        await coordinator.ClickAsync(row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve") }), "/catalogue/approvals");
        await Expect(SuccessBanner(page)).ToContainTextAsync($"Approved {name}'s Thresholds and levels of need");
        await Expect(row).ToHaveCountAsync(0);

        await lead.GotoAsync(lead.Path);
        await Expect(lead.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Thresholds and levels of need" }).Filter(new() { HasText = "14 Mar 2025" }))
            .Not.ToContainTextAsync("Awaiting approval");

        // 3. Changing a lesson of a course people have completed makes version 2; version 1 stays as it was.
        await coordinator.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Manage courses", Exact = true }), "/catalogue/courses");
        await coordinator.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Neglect basic awareness", Exact = true }).First, $"/catalogue/courses/{Guid}");
        var coursePath = coordinator.Path;
        var version = page.Locator(".govuk-summary-list__row").Filter(new() { HasText = "Version" }).Locator("dd");
        await Expect(version).ToHaveTextAsync("1");
        await coordinator.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change lesson 1,") }), coursePath + "/lessons/1");
        var title = page.GetByLabel("Title", new() { Exact = true });
        await title.FillAsync("");
        await coordinator.ClickAsync(Button(page, "Save lesson"), coursePath + "/lessons/1");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the lesson's title");
        await title.FillAsync("What neglect is: the statutory definition");
        await coordinator.ClickAsync(Button(page, "Save lesson"), coursePath);
        await Expect(SuccessBanner(page)).ToContainTextAsync("Lesson saved: What neglect is: the statutory definition.");
        await Expect(version).ToHaveTextAsync("2");
        await Expect(MainContent(page)).ToContainTextAsync("What neglect is: the statutory definition");

        lead.AssertEveryPageChecked();
        coordinator.AssertEveryPageChecked();
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Compliance.Jobs;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// The training unit sets a requirement, changes it, changes the due-soon window and removes the requirement; then the
/// partnership heatmap and trend, as the coordinator and as a board member who sees figures but no way into an agency.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ComplianceRequirementsJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string CoordinatorEmail = "sophie.ashworth@northshire-scp.example";
    private const string BoardMemberEmail = "farah.shah@northshire-scp.example";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Fact]
    public async Task Coordinator_sets_changes_and_removes_a_requirement_and_the_board_sees_the_partnership_figures()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });
        await app.InScopeAsync(s => s.GetRequiredService<ComplianceSnapshotJob>().CatchUpAsync(CancellationToken.None));
        var password = app.Options.AdminPassword;

        // 1. A new requirement: first without answers, then for group 2 with the thresholds course.
        await using var coordinator = await browser.NewSessionAsync(app.RootUri, output);
        var page = coordinator.Page;
        await SignInAsync(coordinator, CoordinatorEmail, password);
        await coordinator.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Requirements", Exact = true }), "/compliance/requirements");
        await coordinator.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Add a requirement", Exact = true }), "/compliance/requirements/new");
        await coordinator.ClickAsync(Button(page, "Add requirement"), "/compliance/requirements/new");
        var errors = page.Locator(".govuk-error-summary");
        await Expect(errors).ToContainTextAsync("Enter a name for the requirement");
        await Expect(errors).ToContainTextAsync("Select the course that meets this requirement");
        await Expect(errors).ToContainTextAsync("Select at least one workforce group that needs this training");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Thresholds training");
        await page.GetByLabel("Main course", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Thresholds and levels of need (THRESH)" });
        await page.GetByLabel("Group 2: Regular contact", new() { Exact = true }).CheckAsync();
        await coordinator.ClickAsync(Button(page, "Add requirement"), "/compliance/requirements");
        await Expect(SuccessBanner(page)).ToContainTextAsync("Requirement added: Thresholds training.");
        var matrix = page.GetByRole(AriaRole.Table, new() { Name = "Which requirements each workforce group needs" });
        await Expect(matrix.GetByRole(AriaRole.Columnheader).Last).ToHaveTextAsync("Thresholds training");
        await Expect(matrix.GetByRole(AriaRole.Row).Filter(new() { HasText = "Group 2: Regular contact" }).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("✓ Needed");
        await Expect(matrix.GetByRole(AriaRole.Row).Filter(new() { HasText = "Group 1: General contact" }).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("Not needed");

        // 2. Another course also meets it.
        await coordinator.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Change Thresholds training", Exact = true }), $"/compliance/requirements/{Guid}");
        await page.GetByLabel("Adolescent neglect (NEG-ADOL)", new() { Exact = true }).CheckAsync();
        await coordinator.ClickAsync(Button(page, "Save changes"), "/compliance/requirements");
        await Expect(SuccessBanner(page)).ToContainTextAsync("Changes to Thresholds training saved.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Thresholds training" }).First).ToContainTextAsync("Adolescent neglect");

        // 3. The due-soon window.
        var window = page.GetByLabel("How many days before it expires does training count as due soon?", new() { Exact = true });
        await window.FillAsync("two months");
        await coordinator.ClickAsync(Button(page, "Save due-soon window"), "/compliance/requirements");
        await Expect(errors).ToContainTextAsync("Enter the due-soon window as a whole number of days, from 0 to 365");
        await window.FillAsync("30");
        await coordinator.ClickAsync(Button(page, "Save due-soon window"), "/compliance/requirements");
        await Expect(SuccessBanner(page)).ToContainTextAsync("within 30 days");

        // 4. Removing it asks first.
        await coordinator.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Remove Thresholds training", Exact = true }), $"/compliance/requirements/{Guid}/remove");
        await Expect(MainContent(page)).ToContainTextAsync("its figures will be removed from every past month of the partnership trend");
        await coordinator.ClickAsync(Button(page, "Yes, remove it"), "/compliance/requirements");
        await Expect(SuccessBanner(page)).ToContainTextAsync("Requirement removed: Thresholds training.");

        // 5. The partnership view links each agency for the training unit.
        await coordinator.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Partnership compliance", Exact = true }), "/compliance/partnership");
        var heatmap = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Percentage of each .*staff compliant") });
        await Expect(heatmap.GetByRole(AriaRole.Link, new() { Name = "Northshire Police", Exact = true })).ToHaveAttributeAsync("href", new Regex($"^/compliance/agencies/{Guid}$"));
        await coordinator.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Trend over 24 months", Exact = true }), "/compliance/partnership/trend");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Percentage compliant at the end of each month" })).ToBeVisibleAsync();

        // 6. A board member sees the same figures, with agency names but no links and no names of staff.
        await using var board = await browser.NewSessionAsync(app.RootUri, output);
        page = board.Page;
        await SignInAsync(board, BoardMemberEmail, password);
        await board.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Partnership compliance", Exact = true }), "/compliance/partnership");
        heatmap = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Percentage of each .*staff compliant") });
        await Expect(heatmap).ToContainTextAsync("Northshire Police");
        await Expect(heatmap.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await page.GetByLabel("Sector", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Police" });
        await board.ClickAsync(Button(page, "Show agencies"), "/compliance/partnership");
        await Expect(heatmap).ToContainTextAsync("All Police agencies");
        await board.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Trend over 24 months", Exact = true }), "/compliance/partnership/trend");

        coordinator.AssertEveryPageChecked();
        board.AssertEveryPageChecked();
    }
}

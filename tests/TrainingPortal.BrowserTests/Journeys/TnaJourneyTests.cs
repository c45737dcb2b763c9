using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Testing;
using TrainingPortal.Tna.Domain;
using TrainingPortal.Tna.Services;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// The training unit opens next year's training needs analysis (the demo's current one already has two agencies in);
/// Northshire Homes' lead is emailed, raises the advanced-training figure for group 2 (told first that a change needs a
/// reason), adds planned starters and submits; the coordinator reads the gap by course, sees Homes submitted, and
/// downloads the workbook.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TnaJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Agency = "Northshire Homes";
    private const string LeadEmail = "tanya.thomas@northshire-homes.example";
    private const string CoordinatorEmail = "sophie.ashworth@northshire-scp.example";
    private const string Group = "Group 2: Regular contact";
    private const string Reason = "The repairs team joins the tenancy support service in June.";

    [Fact]
    public async Task Coordinator_opens_a_year_the_lead_adjusts_and_submits_and_the_coordinator_reads_and_downloads_the_gap()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });
        var today = UkTime.Today(TimeProvider.System);
        var year = (today.Month >= 4 ? today.Year + 1 : today.Year) + 1; // the year after the demo's open one
        var yearName = TrainingNeedsAnalysis.YearName(year);
        var deadline = today.AddDays(21);

        // 1. The coordinator opens the year; every lead is emailed.
        await using var coordinator = await browser.NewSessionAsync(app.RootUri, output);
        var unitPage = coordinator.Page;
        await SignInAsync(coordinator, CoordinatorEmail, app.Options.AdminPassword);
        await coordinator.ClickAsync(Menu(unitPage).GetByRole(AriaRole.Link, new() { Name = "Training needs", Exact = true }), "/tna");
        await coordinator.ClickAsync(MainContent(unitPage).GetByRole(AriaRole.Link, new() { Name = "Open a TNA year", Exact = true }), "/tna/open");
        await unitPage.GetByLabel("Which year is it for?", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = yearName });
        await unitPage.GetByLabel("Day", new() { Exact = true }).FillAsync(deadline.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await unitPage.GetByLabel("Month", new() { Exact = true }).FillAsync(deadline.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await unitPage.GetByLabel("Year", new() { Exact = true }).FillAsync(deadline.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await coordinator.ClickAsync(Button(unitPage, "Open the TNA and email the leads"), "/tna/[0-9a-f-]{36}");
        await Expect(SuccessBanner(unitPage)).ToContainTextAsync("The training needs analysis is open.");
        await Expect(Heading(unitPage, yearName)).ToBeVisibleAsync();
        var analysisPath = coordinator.Path;
        var mail = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<OutboxMessage>()
            .SingleAsync(m => m.ToAddress == LeadEmail && m.Category == TnaMail.OpenedCategory && m.Subject.Contains(yearName)));
        Assert.Contains(UkTime.FormatDate(deadline), mail.TextBody);

        // 2. The lead opens Homes' figures for the new year and raises one without a reason: refused, nothing lost.
        await using var lead = await browser.NewSessionAsync(app.RootUri, output);
        var page = lead.Page;
        await SignInAsync(lead, LeadEmail, app.Options.AdminPassword);
        await lead.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Training needs", Exact = true }), "/tna");
        await lead.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = $"training needs for {yearName}" }), $"{analysisPath}/agencies/[0-9a-f-]{{36}}");
        var group = page.GetByRole(AriaRole.Group, new() { Name = Group, Exact = true });
        var advanced = group.GetByLabel("Neglect advanced training: people needing it", new() { Exact = true });
        var computed = int.Parse(await advanced.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await advanced.FillAsync((computed + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await group.GetByLabel($"Planned starters in {Group}", new() { Exact = true }).FillAsync("2");
        var taskPath = lead.Path;
        await lead.ClickAsync(Button(page, "Submit the figures"), taskPath);
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync($"Give a reason for changing the figure for Neglect advanced training in {Group} from {computed} to {computed + 3}");
        await Expect(advanced).ToHaveValueAsync((computed + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // 3. With the reason, the figures are submitted and shown as submitted.
        await group.GetByLabel("Reason for changing the figure for Neglect advanced training (only if you changed it)", new() { Exact = true }).FillAsync(Reason);
        await lead.ClickAsync(Button(page, "Submit the figures"), taskPath);
        await Expect(SuccessBanner(page)).ToContainTextAsync("Your figures are submitted.");
        await Expect(MainContent(page)).ToContainTextAsync(Reason);
        await Expect(Button(page, "Submit the figures")).ToHaveCountAsync(0);
        lead.AssertEveryPageChecked();

        // 4. The coordinator reads the gap: Homes submitted; advanced training short of places; then downloads it.
        await coordinator.GotoAsync(analysisPath);
        var homes = MainContent(unitPage).GetByRole(AriaRole.Row).Filter(new() { HasText = Agency });
        await Expect(homes).ToContainTextAsync("Submitted");
        await Expect(MainContent(unitPage).GetByRole(AriaRole.Row).Filter(new() { HasText = "Neglect advanced training" }).First).ToContainTextAsync("places short");
        await Expect(unitPage.Locator("figure.portal-chart")).ToContainTextAsync("Places needed and scheduled, by course");
        var download = await unitPage.RunAndWaitForDownloadAsync(() =>
            MainContent(unitPage).GetByRole(AriaRole.Link, new() { Name = "Download the TNA (Excel)" }).ClickAsync());
        using (var workbook = new ExcelPackage(new FileInfo(await download.PathAsync())))
        {
            var sheet = workbook.Workbook.Worksheets["By agency"];
            var row = Enumerable.Range(5, 40).Single(r => sheet.Cells[r, 1].Text == Agency);
            Assert.StartsWith("Submitted", sheet.Cells[row, 3].Text);
            var advancedColumn = Enumerable.Range(4, 5).Single(c => sheet.Cells[4, c].Text == "Neglect advanced training");
            // Group 2's raised figure and its two starters, with groups 3 and 4 as computed.
            Assert.True(int.Parse(sheet.Cells[row, advancedColumn].Text, System.Globalization.CultureInfo.InvariantCulture) >= computed + 3 + 2);
        }
        coordinator.AssertEveryPageChecked();
    }
}

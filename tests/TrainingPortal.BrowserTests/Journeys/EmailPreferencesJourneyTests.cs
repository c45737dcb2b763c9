using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// The training unit allows reminders no less often than weekly; a safeguarding lead then chooses a weekly summary of
/// their own reminders and turns off the Monday summary of their agency.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailPreferencesJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Lead = "ben.bland@northshire-police.example";

    [Fact]
    public async Task The_training_unit_sets_weekly_as_the_limit_and_a_lead_chooses_within_it()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });

        await using (var unit = await browser.NewSessionAsync(app.RootUri, output))
        {
            var page = unit.Page;
            await SignInAsync(unit, app.Options.AdminEmail, app.Options.AdminPassword);
            await unit.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Requirements", Exact = true }), "/compliance/requirements");
            await unit.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Set how rarely people may choose to hear from us" }), "/compliance/settings/notifications");
            await Expect(page.GetByLabel("A monthly summary at the least", new() { Exact = true })).ToBeCheckedAsync();
            await page.GetByLabel("A weekly summary at the least", new() { Exact = true }).CheckAsync();
            await unit.ClickAsync(Button(page, "Save settings"), "/compliance/settings/notifications");
            await Expect(SuccessBanner(page)).ToContainTextAsync("Reminder settings saved.");
            await Expect(page.GetByLabel("A weekly summary at the least", new() { Exact = true })).ToBeCheckedAsync();
            unit.AssertEveryPageChecked();
        }

        await using var lead = await browser.NewSessionAsync(app.RootUri, output);
        var leadPage = lead.Page;
        await SignInAsync(lead, Lead, app.Options.AdminPassword);
        await lead.ClickAsync(MainContent(leadPage).GetByRole(AriaRole.Link, new() { Name = "Email preferences", Exact = true }), "/account/notifications");
        await Expect(Heading(leadPage, "Email preferences")).ToBeVisibleAsync();
        await Expect(leadPage.GetByLabel("As soon as something is due", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(leadPage.GetByLabel("A monthly summary", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(MainContent(leadPage)).ToContainTextAsync("The partnership asks for no less than a weekly summary.");
        await Expect(leadPage.GetByLabel("Email me a summary every Monday", new() { Exact = true })).ToBeCheckedAsync();

        await leadPage.GetByLabel("A weekly summary", new() { Exact = true }).CheckAsync();
        await leadPage.GetByLabel("Email me a summary every Monday", new() { Exact = true }).UncheckAsync();
        await lead.ClickAsync(Button(leadPage, "Save preferences"), "/account/notifications");

        await Expect(SuccessBanner(leadPage)).ToContainTextAsync("Your email preferences have been saved.");
        await Expect(leadPage.GetByLabel("A weekly summary", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(leadPage.GetByLabel("Email me a summary every Monday", new() { Exact = true })).Not.ToBeCheckedAsync();
        lead.AssertEveryPageChecked();
    }
}

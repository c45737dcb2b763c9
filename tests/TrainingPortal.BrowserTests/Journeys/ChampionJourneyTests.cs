using System.Text.RegularExpressions;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// A safeguarding lead nominates a housing officer as neglect champion and the training unit approves; the new
/// champion writes a seven-minute guide, the training unit publishes it, the champion briefs a colleague on it and the
/// briefing reaches the colleague's "My learning".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChampionJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Agency = "Northshire Homes";
    private const string LeadEmail = "tanya.thomas@northshire-homes.example";
    private const string CoordinatorEmail = "sophie.ashworth@northshire-scp.example";
    private const string ChampionEmail = "iwan.parry@northshire-homes.example";
    private const string ColleagueEmail = "gavin.hodgson@northshire-homes.example";
    private const string Password = "heron-marble-lantern-47";
    private const string GuideTitle = "Neglect and the condition of the home";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static readonly (string Part, string Text)[] GuideText =
    [
        ("What it is", "Neglect is the persistent failure to meet a child's basic needs. The **home** often shows it first."),
        ("Why it matters", "Children living in unsafe or unsanitary homes come to harm slowly, and it is easy to get used to."),
        ("What research says", "Case reviews keep finding that housing staff saw the home but did not share what they saw."),
        ("What to look for", "- No working heating or cooking\n- No beds for the children\n- Rubbish, damp and infestation"),
        ("What to do", "Write down what you saw, talk to your safeguarding lead the same day, and make a referral if a child is at risk."),
        ("Questions for reflection", "- When did you last go into a child's bedroom on a visit?\n- What stops us saying what we see?"),
        ("Further reading", "The partnership's neglect strategy and the graded care profile."),
    ];

    [Fact]
    public async Task Lead_nominates_a_champion_who_writes_a_guide_that_is_published_and_briefed_to_a_colleague()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true });

        // 1. The housing officer to be nominated and a colleague of theirs have accounts linked to their staff records.
        await using var champion = await browser.NewSessionAsync(app.RootUri, output);
        await champion.RegisterAndConfirmAsync(app, "Iwan", "Parry", ChampionEmail, Agency, "Housing officer", Password);
        await using var colleague = await browser.NewSessionAsync(app.RootUri, output);
        await colleague.RegisterAndConfirmAsync(app, "Gavin", "Hodgson", ColleagueEmail, Agency, "Housing officer", Password);

        // 2. The lead of Northshire Homes nominates Iwan from the agency's register.
        await using var lead = await browser.NewSessionAsync(app.RootUri, output);
        var leadPage = lead.Page;
        await SignInAsync(lead, LeadEmail, app.Options.AdminPassword);
        await lead.ClickAsync(Menu(leadPage).GetByRole(AriaRole.Link, new() { Name = "Champions", Exact = true }), "/champions");
        await lead.ClickAsync(MainContent(leadPage).GetByRole(AriaRole.Link, new() { Name = Agency, Exact = true }), $"/champions/agencies/{Guid}");
        await lead.ClickAsync(MainContent(leadPage).GetByRole(AriaRole.Link, new() { Name = "Nominate a champion", Exact = true }), $"/champions/agencies/{Guid}/nominate");
        await Expect(Heading(leadPage, "Nominate a neglect champion")).ToBeVisibleAsync();
        await leadPage.GetByLabel("Who are you nominating?", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Iwan Parry (Housing officer)" });
        await leadPage.GetByLabel("Area of interest", new() { Exact = true }).FillAsync("Home conditions");
        await lead.ClickAsync(Button(leadPage, "Send nomination"), $"/champions/{Guid}");
        await Expect(SuccessBanner(leadPage)).ToContainTextAsync("Nomination sent.");
        await Expect(Heading(leadPage, "Iwan Parry")).ToBeVisibleAsync();
        await Expect(MainContent(leadPage).Locator(".govuk-summary-list")).ToContainTextAsync("Has an account");
        await Expect(MainContent(leadPage).GetByRole(AriaRole.Table)).ToContainTextAsync("Nominated");

        // 3. The training coordinator approves the nomination from the partnership register.
        await using var coordinator = await browser.NewSessionAsync(app.RootUri, output);
        var unitPage = coordinator.Page;
        await SignInAsync(coordinator, CoordinatorEmail, app.Options.AdminPassword);
        await coordinator.ClickAsync(Menu(unitPage).GetByRole(AriaRole.Link, new() { Name = "Champions", Exact = true }), "/champions");
        await coordinator.ClickAsync(MainContent(unitPage).GetByRole(AriaRole.Link, new() { Name = $"Iwan Parry, {Agency}", Exact = true }), $"/champions/nominations/{Guid}");
        await unitPage.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await coordinator.ClickAsync(Button(unitPage, "Save decision"), "/champions");
        await Expect(SuccessBanner(unitPage)).ToContainTextAsync("Nomination approved.");
        await Expect(MainContent(unitPage)).ToContainTextAsync("There are no nominations waiting for a decision.");

        // 4. Iwan signs in afresh, now a champion, and writes a seven-minute guide with all seven parts.
        var page = champion.Page;
        await SignInAsync(champion, ChampionEmail, Password);
        await champion.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Seven-minute guides", Exact = true }), "/guides");
        await champion.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Write a guide", Exact = true }), "/guides/new");
        await page.GetByLabel("Seven-minute guide: all seven parts", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(GuideTitle);
        foreach (var (part, text) in GuideText)
        {
            await page.GetByLabel(part, new() { Exact = true }).FillAsync(text);
        }
        await page.GetByLabel("Tags (optional)", new() { Exact = true }).FillAsync("home conditions, housing");
        await champion.ClickAsync(Button(page, "Save and send for review"), "/guides/mine");
        await Expect(SuccessBanner(page)).ToContainTextAsync("sent to the training unit for review");
        await Expect(MainContent(page).GetByRole(AriaRole.Row).Filter(new() { HasText = GuideTitle })).ToContainTextAsync("sent for review");

        // 5. The coordinator reads it in the review queue and publishes it.
        await coordinator.ClickAsync(Menu(unitPage).GetByRole(AriaRole.Link, new() { Name = "Seven-minute guides", Exact = true }), "/guides");
        await coordinator.ClickAsync(MainContent(unitPage).GetByRole(AriaRole.Link, new() { Name = "Guides to review", Exact = true }), "/guides/review");
        await coordinator.ClickAsync(MainContent(unitPage).GetByRole(AriaRole.Link, new() { Name = GuideTitle, Exact = true }), "/guides/[0-9]+/review");
        var number = coordinator.Path.Split('/')[2];
        await Expect(Heading(unitPage, $"Review: {GuideTitle}")).ToBeVisibleAsync();
        foreach (var (part, _) in GuideText)
        {
            await Expect(MainContent(unitPage).Locator("h2").Filter(new() { HasText = part })).ToBeVisibleAsync();
        }
        await coordinator.ClickAsync(Button(unitPage, "Publish"), $"/guides/{number}");
        await Expect(SuccessBanner(unitPage)).ToContainTextAsync("The guide is published in the library.");
        await Expect(Heading(unitPage, GuideTitle)).ToBeVisibleAsync();

        // 6. Iwan records a briefing on it. Sending the form before choosing anything shows what is missing.
        await champion.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Briefings", Exact = true }), "/briefings");
        await champion.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Record a briefing", Exact = true }), "/briefings/new");
        await Expect(Heading(page, "Record a briefing")).ToBeVisibleAsync();
        await champion.ClickAsync(Button(page, "Record the briefing"), "/briefings/new");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There is a problem");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));

        await page.GetByLabel("Which guide was the briefing on?", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = GuideTitle });
        await page.GetByLabel("Which team was briefed?", new() { Exact = true }).FillAsync("Tenancy services");
        await page.GetByRole(AriaRole.Group, new() { Name = "Who attended from the staff list?" })
            .GetByLabel(new Regex("^Gavin Hodgson")).CheckAsync();
        await page.GetByLabel("What the team discussed (optional)", new() { Exact = true }).FillAsync("What we see on repairs visits and who we tell.");
        await champion.ClickAsync(Button(page, "Record the briefing"), $"/briefings/{Guid}");
        await Expect(SuccessBanner(page)).ToContainTextAsync("Briefing recorded.");
        await Expect(page.Locator("h1")).ToContainTextAsync($"Briefing on {GuideTitle}");
        await Expect(MainContent(page).GetByRole(AriaRole.List).Filter(new() { HasText = "Gavin Hodgson" })).ToBeVisibleAsync();

        // 7. Gavin signs in again and finds the briefing in his learning record.
        var colleaguePage = colleague.Page;
        await SignInAsync(colleague, ColleagueEmail, Password);
        await colleague.ClickAsync(Menu(colleaguePage).GetByRole(AriaRole.Link, new() { Name = "My learning", Exact = true }), "/my-learning");
        await Expect(MainContent(colleaguePage).GetByRole(AriaRole.Row).Filter(new() { HasText = GuideTitle })).ToBeVisibleAsync();

        champion.AssertEveryPageChecked();
        colleague.AssertEveryPageChecked();
        lead.AssertEveryPageChecked();
        coordinator.AssertEveryPageChecked();
    }
}

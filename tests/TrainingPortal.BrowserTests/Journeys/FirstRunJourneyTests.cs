using System.Text.RegularExpressions;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// The first-run walk: set the portal up, add agencies and a safeguarding lead, and check that the lead, once
/// they have set their password from the invitation email, sees their own agency and nothing else.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FirstRunJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Recipe = "neglect-partnership";
    private const string PartnershipName = "Northshire Safeguarding Children Partnership";
    private const string AdminEmail = "training.unit@northshire.example";
    private const string AdminPassword = "tidy-harbour-lantern-47";
    private const string LeadAgency = "Northshire Community Health NHS Trust";
    private const string OtherAgency = "Other Agency";
    private const string LeadEmail = "priya.shah@northshire-health.example";
    private const string LeadPassword = "copper-meadow-violin-83";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Fact]
    public async Task Partnership_is_set_up_and_a_safeguarding_lead_sees_only_their_own_agency()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var mail = await MailDevServer.StartAsync();
        await using var app = await PortalApp.StartAsync(new PortalAppOptions
        {
            Recipe = null,
            UseKestrel = true,
            RunJobServer = true,
            SmtpPort = mail.SmtpPort,
        });
        output.WriteLine($"Mail server and portal started in {started.Elapsed.TotalSeconds:0.0} s.");
        await using var session = await browser.NewSessionAsync(app.RootUri, output);
        var page = session.Page;

        // 1. A new portal sends everyone to the set-up page.
        await session.GotoAsync("/");
        Assert.Equal("/setup", session.Path);
        await Expect(Heading(page, "Set up the training portal")).ToBeVisibleAsync();

        await session.ClickAsync(Button(page, "Set up the portal"), "/setup");
        var errors = page.Locator(".govuk-error-summary");
        await Expect(errors.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var errorLinks = errors.GetByRole(AriaRole.Link);
        var nameField = page.GetByLabel("Partnership name", new() { Exact = true });
        await Expect(errorLinks.Filter(new() { HasText = "Enter the partnership's name" }))
            .ToHaveAttributeAsync("href", "#" + await nameField.GetAttributeAsync("id"));
        Assert.True(await errorLinks.CountAsync() >= 5, "The error summary should list each missing answer: name, first and last name, email, password.");
        foreach (var errorLink in await errorLinks.AllAsync())
        {
            var href = await errorLink.GetAttributeAsync("href");
            Assert.StartsWith("#", href);
            await Expect(page.Locator(href!)).ToBeVisibleAsync();
        }

        await nameField.FillAsync(PartnershipName);
        var recipeName = Recipes.DisplayName(Recipe);
        var recipe = page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + Regex.Escape(recipeName)) });
        await recipe.CheckAsync();
        await Expect(recipe).ToHaveValueAsync(Recipe);
        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("Morgan");
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("Ellis");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(AdminEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AdminPassword);
        await session.ClickAsync(Button(page, "Set up the portal"), "/account/login");
        await Expect(SuccessBanner(page)).ToContainTextAsync("The portal is set up");
        await Expect(Heading(page, "Sign in")).ToBeVisibleAsync();

        // 2. The administrator signs in and sees the service navigation.
        await SignInAsync(session, AdminEmail, AdminPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Morgan", Level = 1 })).ToBeVisibleAsync();
        await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Agencies", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync(PartnershipName);

        // 3. Two agencies; the other one gets a member of staff.
        var leadAgencyPath = await AddAgencyAsync(session, LeadAgency, "Health");
        var otherAgencyPath = await AddAgencyAsync(session, OtherAgency, "Education");

        await session.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }), otherAgencyPath + "/practitioners");
        await Expect(Heading(page, "Staff")).ToBeVisibleAsync();
        await session.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Add a member of staff" }), otherAgencyPath + "/practitioners/new");
        await Expect(Heading(page, "Add a member of staff")).ToBeVisibleAsync();
        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("Olive");
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("Okafor");
        var workforceGroup = page.GetByLabel("Workforce group", new() { Exact = true });
        await workforceGroup.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var groupName = (await workforceGroup.Locator("option:checked").TextContentAsync())!.Trim();
        await session.ClickAsync(Button(page, "Save"), $"{otherAgencyPath}/practitioners/{Guid}");
        var otherStaffPath = session.Path;
        await Expect(SuccessBanner(page)).ToContainTextAsync("Olive Okafor has been added.");
        await Expect(Heading(page, "Olive Okafor")).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-summary-list__row").Filter(new() { HasText = "Workforce group" })).ToContainTextAsync(groupName);

        // 4. The first agency gets a safeguarding lead, who is emailed a link to set a password.
        await session.GotoAsync(leadAgencyPath);
        await Expect(Heading(page, LeadAgency)).ToBeVisibleAsync();
        await Expect(page.GetByText("This agency has no safeguarding lead yet.")).ToBeVisibleAsync();
        var addLead = page.GetByRole(AriaRole.Group, new() { Name = "Add a safeguarding lead" });
        await addLead.GetByLabel("First name", new() { Exact = true }).FillAsync("Priya");
        await addLead.GetByLabel("Last name", new() { Exact = true }).FillAsync("Shah");
        await addLead.GetByLabel("Email address", new() { Exact = true }).FillAsync(LeadEmail);
        await session.ClickAsync(Button(page, "Add lead"), leadAgencyPath);
        await Expect(SuccessBanner(page)).ToContainTextAsync("Priya Shah is now a safeguarding lead for this agency.");
        await Expect(MainContent(page).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Priya Shah" })).ToContainTextAsync(LeadEmail);

        var invitation = await mail.WaitForEmailAsync(
            e => e.IsAddressedTo(LeadEmail) && e.Subject == "Your neglect training account",
            TimeSpan.FromSeconds(30));
        var setPasswordLink = SetPasswordLink().Match(invitation.Text ?? "");
        Assert.True(setPasswordLink.Success, $"The invitation has no 'Set your password' link:{Environment.NewLine}{invitation.Text}");
        var link = new Uri(setPasswordLink.Groups[1].Value);
        Assert.Equal(app.RootUri.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.Equal("/account/reset-password", link.AbsolutePath);

        await session.ClickAsync(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }), "/account/login");
        await Expect(page.GetByText("Signed in as")).ToHaveCountAsync(0);

        await session.GotoAsync(link.ToString());
        await Expect(Heading(page, "Set a new password")).ToBeVisibleAsync();
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(LeadPassword);
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(LeadPassword);
        await session.ClickAsync(Button(page, "Save password"), "/account/login");
        await Expect(SuccessBanner(page)).ToContainTextAsync("Your password has been saved.");

        // 5. The lead sees their own agency and is refused the other one.
        await SignInAsync(session, LeadEmail, LeadPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Priya", Level = 1 })).ToBeVisibleAsync();
        await session.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Agencies", Exact = true }), "/agencies");
        await Expect(Heading(page, "Agencies")).ToBeVisibleAsync();
        var agencyLinks = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link);
        await Expect(agencyLinks).ToHaveTextAsync([LeadAgency]);
        await Expect(MainContent(page)).Not.ToContainTextAsync(OtherAgency);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add an agency" })).ToHaveCountAsync(0);

        await session.ClickAsync(agencyLinks.GetByText(LeadAgency, new() { Exact = true }), leadAgencyPath);
        await Expect(Heading(page, LeadAgency)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Add a safeguarding lead" })).ToHaveCountAsync(0);
        await session.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }), leadAgencyPath + "/practitioners");
        await Expect(Heading(page, "Staff")).ToBeVisibleAsync();
        await Expect(page.GetByText("No staff match these filters.")).ToBeVisibleAsync();

        foreach (var forbidden in new[] { otherAgencyPath, otherStaffPath })
        {
            var response = await session.GotoAsync(forbidden);
            Assert.Equal(403, response.Status);
            await Expect(Heading(page, "You do not have access to this page")).ToBeVisibleAsync();
            await Expect(MainContent(page)).Not.ToContainTextAsync(OtherAgency);
            await Expect(MainContent(page)).Not.ToContainTextAsync("Olive Okafor");
        }

        session.AssertEveryPageChecked();
    }

    /// <summary>Adds an agency from the Agencies page and returns its page's path.</summary>
    private static async Task<string> AddAgencyAsync(BrowserSession session, string name, string sector)
    {
        var page = session.Page;
        await session.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Agencies", Exact = true }), "/agencies");
        await Expect(Heading(page, "Agencies")).ToBeVisibleAsync();
        await session.ClickAsync(page.GetByRole(AriaRole.Link, new() { Name = "Add an agency" }), "/agencies/new");
        await Expect(Heading(page, "Add an agency")).ToBeVisibleAsync();
        await page.GetByLabel("Agency name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Sector", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = sector });
        await session.ClickAsync(Button(page, "Save"), $"/agencies/{Guid}");
        await Expect(SuccessBanner(page)).ToContainTextAsync($"{name} has been added.");
        await Expect(Heading(page, name)).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync(sector);
        return session.Path;
    }

    [GeneratedRegex(@"Set your password: (\S+)")]
    private static partial Regex SetPasswordLink();
}

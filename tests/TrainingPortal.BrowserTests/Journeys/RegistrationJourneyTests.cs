using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrainingPortal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests.Journeys;

/// <summary>
/// A health visitor whose training the trust already recorded creates an account: she cannot use it until she
/// follows the link that reaches her mailbox (read here from a real SMTP server) and enters her password, and then
/// finds her training in "My learning".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RegistrationJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Password = "saffron-meadow-tiller-84";

    [Fact]
    public async Task A_practitioner_registers_confirms_her_address_from_the_email_and_finds_her_training()
    {
        await using var mail = await MailDevServer.StartAsync();
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "demo", UseKestrel = true, RunJobServer = true, SmtpPort = mail.SmtpPort });
        var person = await app.PractitionerWithTrainingAndNoAccountAsync();
        await using var session = await browser.NewSessionAsync(app.RootUri, output);
        var page = session.Page;

        // 1. She creates an account from the sign-in page and is told to check her email.
        await session.GotoAsync("/account/login");
        await session.ClickAsync(MainContent(page).GetByRole(AriaRole.Link, new() { Name = "Create an account" }), "/account/register");
        await session.FillInRegistrationAsync(person.FirstName, person.LastName, person.Email, person.Agency, "Health visitor", Password);
        await Expect(MainContent(page)).ToContainTextAsync(person.Email);

        // 2. Signing in before confirming sends her back to her email rather than into the portal.
        await session.GotoAsync("/account/login");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(person.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await session.ClickAsync(Button(page, "Sign in"), "/account/login");
        await Expect(MainContent(page)).ToContainTextAsync("Confirm your email address first");
        await Expect(page.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Signed in as");

        // 3. The email reaches her mailbox; the link asks for her password, and a wrong one is refused.
        var email = await mail.WaitForEmailAsync(e => e.IsAddressedTo(person.Email) && e.Subject == "Confirm your email address", TimeSpan.FromSeconds(30));
        var link = ConfirmationLink().Match(email.Text ?? "");
        Assert.True(link.Success, $"No confirmation link in: {email.Text}");
        await session.GotoAsync(link.Groups[1].Value);
        await Expect(Heading(page, "Confirm your email address")).ToBeVisibleAsync();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("somebody-elses-guess-11");
        await session.ClickAsync(Button(page, "Confirm and sign in"), "/account/confirm-email");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The password is not the one you chose");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await session.ClickAsync(Button(page, "Confirm and sign in"), "/");
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync($"Signed in as {person.Email}");
        await Expect(SuccessBanner(page)).ToContainTextAsync("Your email address is confirmed");

        // 4. Her learning record is now hers: the training the trust recorded is there.
        await session.ClickAsync(Menu(page).GetByRole(AriaRole.Link, new() { Name = "My learning", Exact = true }), "/my-learning");
        await Expect(MainContent(page)).ToContainTextAsync(person.CourseTitle);

        session.AssertEveryPageChecked();
    }

    [GeneratedRegex(@"https?://[^\s/]+(/account/confirm-email\?\S+)")]
    private static partial Regex ConfirmationLink();
}

using Microsoft.Playwright;
using TrainingPortal.Testing;
using static Microsoft.Playwright.Assertions;
using static TrainingPortal.BrowserTests.Locators;

namespace TrainingPortal.BrowserTests;

/// <summary>Creating an account in the browser: the form, "Check your email", then the emailed link and the password.</summary>
public static class RegistrationSteps
{
    /// <summary>Fills in and sends the registration form, and checks the "Check your email" page.</summary>
    public static async Task FillInRegistrationAsync(this BrowserSession session, string first, string last, string email, string agency, string jobTitle, string password)
    {
        var page = session.Page;
        if (session.Path != "/account/register")
        {
            await session.GotoAsync("/account/register");
        }
        await page.GetByLabel("First name", new() { Exact = true }).FillAsync(first);
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync(last);
        await page.GetByLabel("Work email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Agency you work for", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = agency });
        await page.GetByLabel("Job title", new() { Exact = true }).FillAsync(jobTitle);
        await page.GetByLabel("Create a password", new() { Exact = true }).FillAsync(password);
        await session.ClickAsync(Button(page, "Create account"), "/account/register/check-email");
        await Expect(Heading(page, "Check your email")).ToBeVisibleAsync();
    }

    /// <summary>Opens the emailed confirmation link, enters the password and checks the person is signed in.</summary>
    public static async Task ConfirmEmailAsync(this BrowserSession session, string link, string email, string password)
    {
        var page = session.Page;
        await session.GotoAsync(link);
        await Expect(Heading(page, "Confirm your email address")).ToBeVisibleAsync();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await session.ClickAsync(Button(page, "Confirm and sign in"), "/");
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync($"Signed in as {email}");
    }

    /// <summary>Registers and confirms with the link from the email the portal queued.</summary>
    public static async Task RegisterAndConfirmAsync(this BrowserSession session, PortalApp app, string first, string last, string email, string agency, string jobTitle, string password)
    {
        await session.FillInRegistrationAsync(first, last, email, agency, jobTitle, password);
        await session.ConfirmEmailAsync(await app.EmailedLinkAsync(email), email, password);
    }
}

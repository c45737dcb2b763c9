using static Microsoft.Playwright.Assertions;

namespace TrainingPortal.BrowserTests;

/// <summary>How journeys find the parts of a portal page, by role and accessible name as a person would.</summary>
public static class Locators
{
    public static ILocator Heading(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    public static ILocator Button(IPage page, string name) =>
        MainContent(page).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator MainContent(IPage page) => page.GetByRole(AriaRole.Main);

    /// <summary>The service navigation built from the modules' menu items.</summary>
    public static ILocator Menu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });

    public static ILocator SuccessBanner(IPage page) => page.Locator(".govuk-notification-banner--success");

    /// <summary>Signs in from the sign-in page (going there first if needed) and waits for the home page.</summary>
    public static async Task SignInAsync(BrowserSession session, string email, string password)
    {
        var page = session.Page;
        if (session.Path != "/account/login")
        {
            await session.GotoAsync("/account/login");
        }

        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await session.ClickAsync(Button(page, "Sign in"), "/");
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync($"Signed in as {email}");
    }
}

using Xunit.Abstractions;

namespace TrainingPortal.BrowserTests;

/// <summary>
/// One headless Chromium for every test in the <see cref="BrowserCollection"/>; each test opens its own
/// <see cref="BrowserSession"/> (a fresh context: no cookies or storage shared between tests).
/// </summary>
/// <remarks>
/// Playwright drives the system's Chromium and never downloads a browser of its own. Its driver (Node.js and
/// the Playwright package) comes with the NuGet package and is copied beside the test assembly by the build.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The Debian package's browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        // The driver must never fetch browsers, whatever triggers it.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath} (Debian package 'chromium').");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 30_000,
        });
    }

    /// <summary>
    /// A fresh browser context and page whose relative URLs resolve against <paramref name="baseUri"/>; accessibility
    /// findings that do not fail the test and browser console errors go to <paramref name="output"/>.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(Uri baseUri, ITestOutputHelper? output = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUri.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, output);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>Tests in this collection share one <see cref="BrowserFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

using Xunit.Abstractions;

namespace TrainingPortal.BrowserTests;

/// <summary>
/// One test's browser: a fresh context and page. Every page the test lands on must pass
/// <see cref="CheckPageAsync"/> (no server error, no script error, no serious or critical axe violation):
/// <see cref="GotoAsync"/> and <see cref="ClickAsync"/> do it after each navigation, and a page that was
/// navigated away from unchecked fails the next check and <see cref="AssertEveryPageChecked"/>.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(15);

    private readonly Lock sync = new();
    private readonly List<Visit> visits = [];
    private readonly List<string> problems = [];
    private readonly ITestOutputHelper? output;
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private TaskCompletionSource navigated = NewSignal();

    internal BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper? output)
    {
        Context = context;
        Page = page;
        this.output = output;
        page.FrameNavigated += OnFrameNavigated;
        page.Response += OnResponse;
        page.PageError += (_, error) => Record($"Script error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Log($"Browser console error on {page.Url}: {message.Text}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The path of the page the browser shows, e.g. <c>/agencies</c>.</summary>
    public string Path => new Uri(Page.Url).AbsolutePath;

    /// <summary>Types an address into the browser, then checks the page it lands on.</summary>
    public async Task<IResponse> GotoAsync(string url)
    {
        var response = await Page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        await CheckPageAsync();
        return response;
    }

    /// <summary>
    /// Clicks something that loads a new page (a link, a form's button, even one that posts back to the same
    /// address), waits for the new page, then checks it. With <paramref name="expectedPath"/>, also waits until
    /// the address's path matches it (a regular expression over the whole path).
    /// </summary>
    public async Task ClickAsync(ILocator target, string? expectedPath = null)
    {
        int before;
        lock (sync)
        {
            before = visits.Count;
        }

        await target.ClickAsync();
        var deadline = DateTime.UtcNow + NavigationTimeout;
        while (true)
        {
            Task next;
            lock (sync)
            {
                if (visits.Count > before)
                {
                    break;
                }

                next = navigated.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Clicking {target} on {Page.Url} did not load a new page within {NavigationTimeout.TotalSeconds:0} s.");
            }

            await Task.WhenAny(next, Task.Delay(remaining));
        }

        if (expectedPath is not null)
        {
            var pattern = new System.Text.RegularExpressions.Regex($"^{expectedPath}$");
            try
            {
                await Page.WaitForURLAsync(url => pattern.IsMatch(new Uri(url).AbsolutePath), new() { Timeout = (float)NavigationTimeout.TotalMilliseconds, WaitUntil = WaitUntilState.Commit });
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Expected to reach {expectedPath} after clicking {target}, but the browser shows {Page.Url}: {await DescribeAsync()}");
            }
        }

        await CheckPageAsync();
    }

    /// <summary>
    /// Checks the page the browser shows now: it must have loaded without a server error or script error and pass
    /// axe without serious or critical violations; no page before it may have been left skipped.
    /// </summary>
    public async Task CheckPageAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        lock (sync)
        {
            if (visits.Count > 0)
            {
                visits[^1].Checked = true;
            }
        }

        AssertNoProblems();
        AssertNoUncheckedVisits();
        await Page.AssertNoSeriousViolationsAsync(Log);
    }

    /// <summary>Fails if any page the test visited was not checked (call at the end of a test).</summary>
    public void AssertEveryPageChecked()
    {
        AssertNoProblems();
        AssertNoUncheckedVisits(includeCurrent: true);
    }

    /// <summary>The page's main heading and any error summary, to say where a test went wrong.</summary>
    private async Task<string> DescribeAsync()
    {
        var heading = await Page.Locator("h1").First.TextContentAsync(new() { Timeout = 1_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
        var errors = await Page.Locator(".govuk-error-summary").AllInnerTextsAsync();
        return $"heading '{heading?.Trim()}'{(errors.Count > 0 ? $", errors: {string.Join(" / ", errors).ReplaceLineEndings(" ")}" : "")}";
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
    }

    private void AssertNoUncheckedVisits(bool includeCurrent = false)
    {
        List<string> skipped;
        lock (sync)
        {
            skipped = visits.Where((visit, index) => !visit.Checked && (includeCurrent || index < visits.Count - 1))
                .Select(v => v.Url)
                .ToList();
        }

        if (skipped.Count > 0)
        {
            Assert.Fail($"These pages were visited without an accessibility check: {string.Join(", ", skipped)}");
        }
    }

    private void AssertNoProblems()
    {
        lock (sync)
        {
            if (problems.Count > 0)
            {
                Assert.Fail(string.Join(Environment.NewLine, problems));
            }
        }
    }

    private void OnFrameNavigated(object? sender, IFrame frame)
    {
        if (frame != Page.MainFrame)
        {
            return;
        }

        lock (sync)
        {
            // Following a link to a fragment of the same page is not a new page.
            var url = frame.Url;
            if (visits.Count > 0 && url.Contains('#', StringComparison.Ordinal)
                && string.Equals(WithoutFragment(visits[^1].Url), WithoutFragment(url), StringComparison.Ordinal))
            {
                return;
            }

            visits.Add(new Visit(url));
            var signal = navigated;
            navigated = NewSignal();
            signal.TrySetResult();
        }
    }

    private void OnResponse(object? sender, IResponse response)
    {
        if (response.Status >= 500 && response.Request.ResourceType == "document")
        {
            Record($"The server answered {response.Request.Method} {response.Url} with {response.Status} {response.StatusText}.");
        }
        else if (response.Status >= 500)
        {
            Log($"The server answered {response.Request.Method} {response.Url} with {response.Status} {response.StatusText}.");
        }
    }

    private void Record(string problem)
    {
        lock (sync)
        {
            problems.Add(problem);
        }

        Log(problem);
    }

    private void Log(string message)
    {
        try
        {
            output?.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {message}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; nothing to write to.
        }
    }

    private static string WithoutFragment(string url) => url.Split('#')[0];

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Visit(string url)
    {
        public string Url { get; } = url;

        public bool Checked { get; set; }
    }
}

using Xunit.Sdk;

namespace TrainingPortal.BrowserTests;

/// <summary>The axe check itself: it must fail on a page with a serious violation, or every journey proves nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task Fails_on_a_serious_violation_and_names_the_rule_and_element()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html>
            <html lang="en-GB"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><form><input id="unlabelled" type="text"></form></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => page.AssertNoSeriousViolationsAsync());

        Assert.Contains("label (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#unlabelled", failure.Message, StringComparison.Ordinal);
    }
}

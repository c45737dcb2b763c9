using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TrainingPortal.BrowserTests;

/// <summary>axe-core checks for the page a test is looking at.</summary>
public static class Accessibility
{
    /// <summary>Impacts that fail a test. Moderate and minor findings are only written to the test output.</summary>
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    /// <summary>
    /// Runs axe on the page as it is now and fails, listing each rule with its targets, when any violation is
    /// serious or critical.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page, Action<string>? log = null)
    {
        var url = page.Url;
        var result = await page.RunAxe();
        var violations = result.Violations ?? [];
        log?.Invoke($"axe on {url}: {result.Passes?.Length ?? 0} rules passed, {violations.Length} violated, {result.Incomplete?.Length ?? 0} need review.");

        var minor = violations.Where(v => !Blocking.Contains(v.Impact ?? "")).ToList();
        if (minor.Count > 0)
        {
            log?.Invoke($"axe (not failing) on {url}:{Environment.NewLine}{Describe(minor)}");
        }

        var blocking = violations.Where(v => Blocking.Contains(v.Impact ?? "")).ToList();
        if (blocking.Count > 0)
        {
            Assert.Fail($"axe found {blocking.Count} serious or critical accessibility violation(s) on {url}:{Environment.NewLine}{Describe(blocking)}");
        }
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help)
                .Append(" <").Append(violation.HelpUrl).Append('>').AppendLine();
            foreach (var node in violation.Nodes ?? [])
            {
                text.Append("    at ").Append(node.Target).Append("  ").AppendLine(Shorten(node.Html));
            }
        }

        return text.ToString();
    }

    private static string Shorten(string? html)
    {
        var flat = (html ?? "").ReplaceLineEndings(" ");
        return flat.Length <= 200 ? flat : flat[..200] + "…";
    }
}

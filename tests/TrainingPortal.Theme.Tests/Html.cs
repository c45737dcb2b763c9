using System.Net;
using System.Text.RegularExpressions;

namespace TrainingPortal.Theme.Tests;

/// <summary>Just enough HTML reading for the assertions: find a start tag by id, read an attribute.</summary>
internal static class Html
{
    /// <summary>The start tag of the element with this id, e.g. <c>&lt;input class="…" id="Input_Email" …&gt;</c>.</summary>
    public static string TagWithId(string html, string id)
    {
        var match = Regex.Match(html, $"<[a-z]+\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>");
        Assert.True(match.Success, $"No element with id \"{id}\".");
        return match.Value;
    }

    public static bool HasId(string html, string id) => html.Contains($"id=\"{id}\"", StringComparison.Ordinal);

    public static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\b{Regex.Escape(name)}=\"(?<value>[^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["value"].Value) : null;
    }

    public static string[] Classes(string tag) => (Attribute(tag, "class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The form group (outer div) that holds the control with this id.</summary>
    public static string FormGroupOf(string html, string id)
    {
        var at = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No element with id \"{id}\".");
        var start = html.LastIndexOf("<div class=\"govuk-form-group", at, StringComparison.Ordinal);
        return html[start..(html.IndexOf('>', start) + 1)];
    }

    public static string Title(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<title>(?<title>.*?)</title>").Groups["title"].Value);

    /// <summary>The error summary's links: (href, text), in order.</summary>
    public static IReadOnlyList<(string Href, string Text)> ErrorSummaryLinks(string html)
    {
        var summary = Regex.Match(html, "<div class=\"govuk-error-summary\".*?</ul>", RegexOptions.Singleline);
        Assert.True(summary.Success, "No error summary.");
        return Regex.Matches(summary.Value, "<a href=\"(?<href>[^\"]*)\">(?<text>.*?)</a>")
            .Select(match => (WebUtility.HtmlDecode(match.Groups["href"].Value), WebUtility.HtmlDecode(match.Groups["text"].Value)))
            .ToList();
    }

    public static string TextOfId(string html, string id) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>(?<text>.*?)<", RegexOptions.Singleline).Groups["text"].Value).Trim();
}

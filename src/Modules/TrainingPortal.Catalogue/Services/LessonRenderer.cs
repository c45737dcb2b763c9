using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace TrainingPortal.Catalogue.Services;

/// <summary>Turns lesson Markdown into safe HTML styled with GOV.UK classes. Raw HTML in the Markdown is not passed through.</summary>
public sealed class LessonRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer;

    public LessonRenderer()
    {
        sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
    }

    public IHtmlContent Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        html = html
            .Replace("<h2>", "<h2 class=\"govuk-heading-m\">")
            .Replace("<h3>", "<h3 class=\"govuk-heading-s\">")
            .Replace("<p>", "<p class=\"govuk-body\">")
            .Replace("<ul>", "<ul class=\"govuk-list govuk-list--bullet\">")
            .Replace("<ol>", "<ol class=\"govuk-list govuk-list--number\">")
            .Replace("<blockquote>", "<div class=\"govuk-inset-text\">").Replace("</blockquote>", "</div>")
            .Replace("<a href=", "<a class=\"govuk-link\" href=")
            .Replace("<table>", "<table class=\"govuk-table\">");
        return new HtmlString(sanitizer.Sanitize(html));
    }
}

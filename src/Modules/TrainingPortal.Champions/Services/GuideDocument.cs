using System.Net;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>
/// A guide as a print-ready A4 document: one page for each part, Markdown rendered as lessons are. The same markup is
/// shown as the print view and printed to PDF, so the two cannot drift apart.
/// </summary>
public static class GuideDocument
{
    public const string Stylesheet = """
        @page { size: A4 portrait; margin: 0; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #0b0c0c; background: #f3f2f1; font-size: 14pt; line-height: 1.4; }
        .actions { max-width: 210mm; margin: 16px auto; display: flex; gap: 16px; font-size: 19px; }
        .actions a { color: #1d70b8; }
        .actions a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
        .part { width: 210mm; min-height: 297mm; margin: 0 auto 24px; background: #fff; padding: 20mm 20mm 24mm; border-top: 6mm solid #00625e; position: relative; break-after: page; page-break-after: always; }
        .part:last-of-type { break-after: auto; page-break-after: auto; }
        .guide { font-size: 12pt; font-weight: 700; color: #00625e; margin: 0 0 4mm; }
        .step { font-size: 12pt; color: #505a5f; margin: 0 0 2mm; }
        h1 { font-size: 24pt; margin: 0 0 6mm; }
        h2 { font-size: 20pt; margin: 0 0 6mm; }
        a { color: #1d70b8; }
        table { border-collapse: collapse; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 2mm; text-align: left; }
        .govuk-inset-text { border-left: 2mm solid #b1b4b6; padding-left: 4mm; }
        .footer { position: absolute; left: 20mm; right: 20mm; bottom: 10mm; font-size: 10pt; color: #505a5f; }
        @media print { body { background: #fff; } .actions { display: none; } .part { margin: 0; } }
        """;

    /// <summary>The whole document. <paramref name="pdfHref"/> and <paramref name="backHref"/> add links for the page on screen; null for the PDF.</summary>
    public static string Render(GuideView guide, LessonRenderer renderer, string partnershipName, string? backHref, string? pdfHref)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var actions = backHref is null ? "" :
            $"<nav class=\"actions\" aria-label=\"Guide\"><a href=\"{E(backHref)}\">Back to the guide</a>{(pdfHref is null ? "" : $"<a href=\"{E(pdfHref)}\">Download PDF</a>")}</nav>";
        var footer = $"{E(partnershipName)} · {E(guide.FormatName)} {guide.Number}, version {guide.Version}" +
            (guide.PublishedAt is { } published ? $" · published {published:d MMMM yyyy}" : " · not published") +
            (guide.ReviewDate is { } review ? $" · review by {review:d MMMM yyyy}" : "");
        var parts = guide.Parts.Select((p, i) => $"""
            <section class="part">
              <p class="guide">{E(guide.FormatName)}: {E(guide.Title)}</p>
              {(i == 0 ? $"<h1>{E(guide.Title)}</h1>" : "")}
              <p class="step">Part {i + 1} of {guide.Parts.Count}</p>
              <h2>{E(p.Part.Heading)}</h2>
              {renderer.Render(p.Markdown)}
              <p class="footer">{footer}</p>
            </section>
            """);
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>{E(guide.FormatName)}: {E(guide.Title)}</title><style>{Stylesheet}</style></head>
            <body>
            {actions}
            <main>
            {string.Join("\n", parts)}
            </main>
            </body>
            </html>
            """;
    }
}

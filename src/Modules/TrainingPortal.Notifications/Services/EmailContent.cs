using System.Net;
using System.Text;

namespace TrainingPortal.Notifications.Services;

/// <summary>
/// A message as a person reads it: a greeting, paragraphs, an optional call to action and a sign-off.
/// <see cref="Render"/> produces the HTML and plain-text bodies from the same content, so they never drift apart.
/// </summary>
public sealed record EmailContent(string Subject, string Greeting, IReadOnlyList<string> Paragraphs)
{
    public string? ActionText { get; init; }

    public string? ActionUrl { get; init; }

    /// <summary>Lines shown after the action, e.g. "If you did not ask for this, ignore this email."</summary>
    public IReadOnlyList<string> Footnotes { get; init; } = [];

    public (string Html, string Text) Render(string partnershipName)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(Subject))
            .Append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.4;color:#0b0c0c;margin:0;padding:0\">")
            .Append("<div style=\"background:#00625e;color:#ffffff;padding:15px 20px;font-weight:bold\">").Append(Encode(partnershipName)).Append("</div>")
            .Append("<div style=\"padding:20px;max-width:640px\">")
            .Append("<p>").Append(Encode(Greeting)).Append("</p>");
        foreach (var paragraph in Paragraphs)
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
        }
        if (ActionUrl is not null)
        {
            html.Append("<p><a href=\"").Append(Encode(ActionUrl)).Append("\" style=\"color:#1d70b8\">")
                .Append(Encode(ActionText ?? ActionUrl)).Append("</a></p>");
        }
        foreach (var line in Footnotes)
        {
            html.Append("<p style=\"color:#505a5f;font-size:16px\">").Append(Encode(line)).Append("</p>");
        }
        html.Append("<p>").Append(Encode(partnershipName)).Append("</p></div></body></html>");

        var text = new StringBuilder();
        text.Append(Greeting).Append("\n\n");
        foreach (var paragraph in Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }
        if (ActionUrl is not null)
        {
            text.Append(ActionText is null ? ActionUrl : $"{ActionText}: {ActionUrl}").Append("\n\n");
        }
        foreach (var line in Footnotes)
        {
            text.Append(line).Append("\n\n");
        }
        text.Append(partnershipName).Append('\n');
        return (html.ToString(), text.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

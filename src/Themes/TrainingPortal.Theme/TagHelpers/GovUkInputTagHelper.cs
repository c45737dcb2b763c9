using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// The GOV.UK text input:
/// <c>&lt;govuk-input for="Input.Email" label="Email address" type="email" autocomplete="email" spellcheck="false" width="20" /&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkLabelledFieldTagHelper
{
    private static readonly HashSet<string> FixedWidths = ["2", "3", "4", "5", "10", "20", "30"];

    /// <summary>The input type: text (default), email, tel, number, password, url, search.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>Set false for email addresses, names and codes.</summary>
    public bool? Spellcheck { get; set; }

    /// <summary>Characters (2, 3, 4, 5, 10, 20, 30) or a fraction (full, three-quarters, two-thirds, one-half, one-third, one-quarter).</summary>
    public string? Width { get; set; }

    private protected override IHtmlContent RenderContent(FieldState field, ControlAttributes attributes)
    {
        var (html, describedBy) = LabelHintAndError(field);

        var input = GovUkMarkup.VoidElement("input", GovUkMarkup.Classes(
            "govuk-input", WidthClass(Width), field.HasError ? "govuk-input--error" : null));
        input.Attributes["id"] = field.Id;
        input.Attributes["name"] = field.Name;
        input.Attributes["type"] = Type;

        // A password is never sent back to the browser, not even after a failed post.
        if (!string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase) && field.Value is { } value)
        {
            input.Attributes["value"] = value;
        }

        if (Spellcheck is { } spellcheck)
        {
            input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        attributes.ApplyTo(input, describedBy);
        html.AppendHtml(input);
        return html;
    }

    private static string? WidthClass(string? width) => width switch
    {
        null or "" => null,
        _ when FixedWidths.Contains(width) => $"govuk-input--width-{width}",
        _ => $"govuk-!-width-{width}",
    };
}

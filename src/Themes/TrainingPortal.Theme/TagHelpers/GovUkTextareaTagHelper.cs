using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>The GOV.UK textarea: <c>&lt;govuk-textarea for="Input.Notes" label="Notes" rows="5" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkLabelledFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public string? Autocomplete { get; set; }

    public bool? Spellcheck { get; set; }

    private protected override IHtmlContent RenderContent(FieldState field, ControlAttributes attributes)
    {
        var (html, describedBy) = LabelHintAndError(field);

        var textarea = GovUkMarkup.Element("textarea", GovUkMarkup.Classes(
            "govuk-textarea", field.HasError ? "govuk-textarea--error" : null));
        textarea.Attributes["id"] = field.Id;
        textarea.Attributes["name"] = field.Name;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Spellcheck is { } spellcheck)
        {
            textarea.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            textarea.Attributes["autocomplete"] = Autocomplete;
        }

        attributes.ApplyTo(textarea, describedBy);

        // Browsers drop one newline straight after <textarea>, so write one to keep a value's own leading newline.
        textarea.InnerHtml.AppendHtml("\n").Append(field.Value ?? "");
        html.AppendHtml(textarea);
        return html;
    }
}

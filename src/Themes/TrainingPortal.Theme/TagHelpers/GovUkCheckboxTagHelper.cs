using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// A single GOV.UK checkbox for a bool property:
/// <c>&lt;govuk-checkbox for="Input.IsFrontline" label="I work directly with children and families" /&gt;</c>.
/// Like ASP.NET Core's own checkbox it posts a hidden "false", so unticking binds false.
/// </summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxTagHelper : GovUkFieldTagHelper
{
    /// <summary>Text beside the box; defaults to the property's display name.</summary>
    public string? Label { get; set; }

    /// <summary>Uses the small checkbox style.</summary>
    public bool Small { get; set; }

    private protected override IHtmlContent RenderContent(FieldState field, ControlAttributes attributes)
    {
        var html = new HtmlContentBuilder();

        string? errorId = null;
        if (field.ErrorMessage is { } error)
        {
            errorId = field.ErrorId;
            html.AppendHtml(GovUkMarkup.ErrorMessage(errorId, error));
        }

        var item = GovUkMarkup.Element("div", "govuk-checkboxes__item");

        var input = GovUkMarkup.VoidElement("input", "govuk-checkboxes__input");
        input.Attributes["id"] = field.Id;
        input.Attributes["name"] = field.Name;
        input.Attributes["type"] = "checkbox";
        input.Attributes["value"] = "true";
        if (IsChecked(field))
        {
            input.Attributes["checked"] = "checked";
        }

        string? hintId = null;
        IHtmlContent? hintHtml = null;
        if (HintText is { Length: > 0 } hint)
        {
            hintId = field.Id + "-item-hint";
            hintHtml = GovUkMarkup.Hint(hintId, hint, "govuk-checkboxes__hint");
        }

        attributes.ApplyTo(input, GovUkMarkup.DescribedBy(hintId, errorId));
        item.InnerHtml.AppendHtml(input);
        item.InnerHtml.AppendHtml(GovUkMarkup.Label(field.Id, Label ?? DisplayName, "govuk-checkboxes__label", isPageHeading: false));
        if (hintHtml is not null)
        {
            item.InnerHtml.AppendHtml(hintHtml);
        }

        var checkboxes = GovUkMarkup.Element("div", GovUkMarkup.Classes("govuk-checkboxes", Small ? "govuk-checkboxes--small" : null));
        checkboxes.Attributes["data-module"] = "govuk-checkboxes";
        checkboxes.InnerHtml.AppendHtml(item);
        html.AppendHtml(checkboxes);

        var hidden = GovUkMarkup.VoidElement("input");
        hidden.Attributes["name"] = field.Name;
        hidden.Attributes["type"] = "hidden";
        hidden.Attributes["value"] = "false";
        html.AppendHtml(hidden);
        return html;
    }

    // A ticked box posts "true" then the hidden "false": the first value is the answer.
    private static bool IsChecked(FieldState field) =>
        field.Entry?.RawValue switch
        {
            string[] { Length: > 0 } values => FieldState.Matches(values[0], "true"),
            string value => FieldState.Matches(value, "true"),
            _ => field.Expression.Model is true,
        };
}

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>The pieces of GOV.UK Frontend markup that every form component shares: label, legend, hint, error message.</summary>
internal static class GovUkMarkup
{
    public static TagBuilder Element(string tagName, string? cssClass = null)
    {
        var element = new TagBuilder(tagName);
        if (!string.IsNullOrEmpty(cssClass))
        {
            element.AddCssClass(cssClass);
        }

        return element;
    }

    /// <summary>A void element such as input, rendered as <c>&lt;input …&gt;</c>.</summary>
    public static TagBuilder VoidElement(string tagName, string? cssClass = null)
    {
        var element = Element(tagName, cssClass);
        element.TagRenderMode = TagRenderMode.StartTag;
        return element;
    }

    public static IHtmlContent Label(string forId, string text, string? extraClass, bool isPageHeading)
    {
        var label = Element("label", Classes("govuk-label", extraClass ?? (isPageHeading ? "govuk-label--l" : null)));
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        if (!isPageHeading)
        {
            return label;
        }

        var heading = Element("h1", "govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    public static IHtmlContent Legend(string text, string? extraClass, bool isPageHeading)
    {
        var legend = Element("legend", Classes("govuk-fieldset__legend", extraClass ?? (isPageHeading ? "govuk-fieldset__legend--l" : null)));
        if (isPageHeading)
        {
            var heading = Element("h1", "govuk-fieldset__heading");
            heading.InnerHtml.Append(text);
            legend.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legend.InnerHtml.Append(text);
        }

        return legend;
    }

    public static IHtmlContent Hint(string id, string text, string? extraClass = null)
    {
        var hint = Element("div", Classes("govuk-hint", extraClass));
        hint.Attributes["id"] = id;
        hint.InnerHtml.Append(text);
        return hint;
    }

    public static IHtmlContent ErrorMessage(string id, string message)
    {
        var error = Element("p", "govuk-error-message");
        error.Attributes["id"] = id;
        var prefix = Element("span", "govuk-visually-hidden");
        prefix.InnerHtml.Append("Error:");
        error.InnerHtml.AppendHtml(prefix).Append(" " + message);
        return error;
    }

    /// <summary>
    /// One checkbox or radio ("checkboxes" or "radios" for <paramref name="kind"/>). The first item's id is the
    /// field's id, so that the error summary link lands on it; later items get "-2", "-3", as in GOV.UK Frontend.
    /// </summary>
    public static TagBuilder ChoiceItem(string kind, string type, string fieldId, int index, string name, string value, string text, bool isChecked, bool disabled)
    {
        var id = index == 0 ? fieldId : $"{fieldId}-{index + 1}";

        var input = VoidElement("input", $"govuk-{kind}__input");
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["type"] = type;
        input.Attributes["value"] = value;
        if (isChecked)
        {
            input.Attributes["checked"] = "checked";
        }

        if (disabled)
        {
            input.Attributes["disabled"] = "disabled";
        }

        var item = Element("div", $"govuk-{kind}__item");
        item.InnerHtml.AppendHtml(input);
        item.InnerHtml.AppendHtml(Label(id, text, $"govuk-{kind}__label", isPageHeading: false));
        return item;
    }

    /// <summary>Joins class names, skipping empty ones.</summary>
    public static string Classes(params string?[] names) =>
        string.Join(' ', names.Where(name => !string.IsNullOrWhiteSpace(name)));

    /// <summary>The value for aria-describedby, or null when nothing describes the control.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var joined = Classes(ids);
        return joined.Length == 0 ? null : joined;
    }
}

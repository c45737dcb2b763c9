using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// A GOV.UK form component bound to a model expression: renders the form group, with the error state taken
/// from ModelState. Attributes the tag helper does not know (maxlength, inputmode, class, data-*) are copied
/// onto the form control itself.
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    /// <summary>The model property, as in <c>for="Input.Email"</c>.</summary>
    public ModelExpression For { get; set; } = null!;

    /// <summary>Hint text under the label; defaults to the property's [Display(Description)].</summary>
    public string? Hint { get; set; }

    /// <summary>Extra classes for the outer <c>govuk-form-group</c>.</summary>
    public string? FormGroupClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string? HintText => Hint ?? For.Metadata.Description;

    protected string DisplayName => For.Metadata.GetDisplayName();

    public sealed override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (For is null)
        {
            throw new InvalidOperationException($"<{context.TagName}> needs a for attribute naming the model property.");
        }

        var field = FieldState.Create(ViewContext, For);
        var controlAttributes = output.Attributes.ToList();
        output.Attributes.Clear();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovUkMarkup.Classes(
            "govuk-form-group", field.HasError ? "govuk-form-group--error" : null, FormGroupClass));
        output.Content.SetHtmlContent(RenderContent(field, new ControlAttributes(controlAttributes)));
    }

    private protected abstract IHtmlContent RenderContent(FieldState field, ControlAttributes attributes);

    /// <summary>Attributes written on the tag helper that belong on the form control.</summary>
    private protected sealed class ControlAttributes(IReadOnlyList<TagHelperAttribute> attributes)
    {
        /// <summary>Copies the attributes onto <paramref name="control"/>, merging class and aria-describedby.</summary>
        public void ApplyTo(TagBuilder control, string? describedBy = null)
        {
            string? extraDescribedBy = null;
            foreach (var attribute in attributes)
            {
                var value = ValueOf(attribute);
                if (attribute.Name.Equals("class", StringComparison.OrdinalIgnoreCase))
                {
                    control.AddCssClass(value);
                }
                else if (attribute.Name.Equals("aria-describedby", StringComparison.OrdinalIgnoreCase))
                {
                    extraDescribedBy = value;
                }
                else
                {
                    control.MergeAttribute(attribute.Name, value, replaceExisting: true);
                }
            }

            if (GovUkMarkup.DescribedBy(extraDescribedBy, describedBy) is { } ids)
            {
                control.Attributes["aria-describedby"] = ids;
            }
        }

        private static string ValueOf(TagHelperAttribute attribute)
        {
            switch (attribute.Value)
            {
                case null:
                    return "";
                case string text:
                    return text;
                case IHtmlContent html:
                    // Razor hands literal values over already encoded; decode so TagBuilder encodes them once.
                    using (var writer = new StringWriter())
                    {
                        html.WriteTo(writer, HtmlEncoder.Default);
                        return WebUtility.HtmlDecode(writer.ToString());
                    }
                default:
                    return Convert.ToString(attribute.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }
        }
    }
}

/// <summary>A GOV.UK component with a single control and a label: input, textarea, select.</summary>
public abstract class GovUkLabelledFieldTagHelper : GovUkFieldTagHelper
{
    /// <summary>Label text; defaults to the property's display name.</summary>
    public string? Label { get; set; }

    /// <summary>Label size, e.g. <c>govuk-label--m</c>.</summary>
    public string? LabelClass { get; set; }

    /// <summary>Wraps the label in the page's h1 (one question per page).</summary>
    public bool LabelIsPageHeading { get; set; }

    private protected IHtmlContent LabelFor(FieldState field) =>
        GovUkMarkup.Label(field.Id, Label ?? DisplayName, LabelClass, LabelIsPageHeading);

    /// <summary>The label, hint and error message above a control, and the control's aria-describedby.</summary>
    private protected (HtmlContentBuilder Html, string? DescribedBy) LabelHintAndError(FieldState field)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml(LabelFor(field));

        string? hintId = null;
        if (HintText is { Length: > 0 } hint)
        {
            hintId = field.HintId;
            html.AppendHtml(GovUkMarkup.Hint(hintId, hint));
        }

        string? errorId = null;
        if (field.ErrorMessage is { } error)
        {
            errorId = field.ErrorId;
            html.AppendHtml(GovUkMarkup.ErrorMessage(errorId, error));
        }

        return (html, GovUkMarkup.DescribedBy(hintId, errorId));
    }
}

/// <summary>A GOV.UK component grouped in a fieldset with a legend: checkboxes, radios, date input.</summary>
public abstract class GovUkFieldsetTagHelper : GovUkFieldTagHelper
{
    /// <summary>Legend text (the question); defaults to the property's display name.</summary>
    public string? Legend { get; set; }

    /// <summary>Legend size, e.g. <c>govuk-fieldset__legend--m</c>.</summary>
    public string? LegendClass { get; set; }

    /// <summary>Puts the legend inside the page's h1 (one question per page).</summary>
    public bool LegendIsPageHeading { get; set; }

    /// <summary>The fieldset with legend, hint and error message, wrapped around <paramref name="control"/>.</summary>
    private protected IHtmlContent Fieldset(FieldState field, IHtmlContent control, string? role = null)
    {
        var fieldset = GovUkMarkup.Element("fieldset", "govuk-fieldset");
        if (role is not null)
        {
            fieldset.Attributes["role"] = role;
        }

        fieldset.InnerHtml.AppendHtml(GovUkMarkup.Legend(Legend ?? DisplayName, LegendClass, LegendIsPageHeading));

        string? hintId = null;
        if (HintText is { Length: > 0 } hint)
        {
            hintId = field.HintId;
            fieldset.InnerHtml.AppendHtml(GovUkMarkup.Hint(hintId, hint));
        }

        string? errorId = null;
        if (field.ErrorMessage is { } error)
        {
            errorId = field.ErrorId;
            fieldset.InnerHtml.AppendHtml(GovUkMarkup.ErrorMessage(errorId, error));
        }

        if (GovUkMarkup.DescribedBy(hintId, errorId) is { } describedBy)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }

        fieldset.InnerHtml.AppendHtml(control);
        return fieldset;
    }
}

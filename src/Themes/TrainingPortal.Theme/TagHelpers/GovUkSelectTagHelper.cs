using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// The GOV.UK select:
/// <c>&lt;govuk-select for="Input.AgencyId" label="Agency" items="Model.Agencies" empty-option="Choose an agency" /&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkLabelledFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Text of a first option with an empty value ("Choose an agency"); none when not set.</summary>
    public string? EmptyOption { get; set; }

    private protected override IHtmlContent RenderContent(FieldState field, ControlAttributes attributes)
    {
        var (html, describedBy) = LabelHintAndError(field);

        var select = GovUkMarkup.Element("select", GovUkMarkup.Classes(
            "govuk-select", field.HasError ? "govuk-select--error" : null));
        select.Attributes["id"] = field.Id;
        select.Attributes["name"] = field.Name;
        attributes.ApplyTo(select, describedBy);

        var items = Items.ToList();
        // A posted or model value decides; the items' own Selected flags only count when neither matches anything.
        var useItemSelection = field.Entry?.AttemptedValue is null && !items.Any(item => field.IsCurrent(item.Value ?? item.Text));

        if (EmptyOption is not null)
        {
            select.InnerHtml.AppendHtml(Option("", EmptyOption, selected: false, disabled: false));
        }

        foreach (var item in items)
        {
            var selected = useItemSelection ? item.Selected : field.IsCurrent(item.Value ?? item.Text);
            select.InnerHtml.AppendHtml(Option(item.Value ?? item.Text, item.Text, selected, item.Disabled));
        }

        html.AppendHtml(select);
        return html;
    }

    private static TagBuilder Option(string value, string text, bool selected, bool disabled)
    {
        var option = GovUkMarkup.Element("option");
        option.Attributes["value"] = value;
        if (selected)
        {
            option.Attributes["selected"] = "selected";
        }

        if (disabled)
        {
            option.Attributes["disabled"] = "disabled";
        }

        option.InnerHtml.Append(text);
        return option;
    }
}

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// GOV.UK checkboxes for a list of strings:
/// <c>&lt;govuk-checkboxes for="Input.Roles" legend="Which roles should they have?" items="Model.RoleOptions" /&gt;</c>.
/// Ticked values post as repeated <c>Input.Roles</c> fields; nothing ticked posts nothing.
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : GovUkFieldsetTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Uses the small checkbox style.</summary>
    public bool Small { get; set; }

    private protected override IHtmlContent RenderContent(FieldState field, ControlAttributes attributes)
    {
        var items = Items.ToList();
        var values = field.Values;
        var posted = field.Entry?.RawValue is not null;
        var useItemSelection = !posted && !items.Any(item => values.Contains(item.Value ?? item.Text));

        var checkboxes = GovUkMarkup.Element("div", GovUkMarkup.Classes("govuk-checkboxes", Small ? "govuk-checkboxes--small" : null));
        checkboxes.Attributes["data-module"] = "govuk-checkboxes";
        attributes.ApplyTo(checkboxes);

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var value = item.Value ?? item.Text;
            var isChecked = useItemSelection ? item.Selected : values.Contains(value);
            checkboxes.InnerHtml.AppendHtml(
                GovUkMarkup.ChoiceItem("checkboxes", "checkbox", field.Id, index, field.Name, value, item.Text, isChecked, item.Disabled));
        }

        return Fieldset(field, checkboxes);
    }
}

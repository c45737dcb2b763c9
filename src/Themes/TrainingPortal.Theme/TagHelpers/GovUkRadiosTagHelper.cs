using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// GOV.UK radios: <c>&lt;govuk-radios for="Input.Format" legend="How is the course delivered?" items="Model.Formats" inline="false" /&gt;</c>.
/// Use <c>inline="true"</c> only for two short answers such as Yes and No.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkFieldsetTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public bool Inline { get; set; }

    /// <summary>Uses the small radio style.</summary>
    public bool Small { get; set; }

    private protected override IHtmlContent RenderContent(FieldState field, ControlAttributes attributes)
    {
        var items = Items.ToList();
        var useItemSelection = field.Entry?.AttemptedValue is null && !items.Any(item => field.IsCurrent(item.Value ?? item.Text));

        var radios = GovUkMarkup.Element("div", GovUkMarkup.Classes(
            "govuk-radios", Inline ? "govuk-radios--inline" : null, Small ? "govuk-radios--small" : null));
        radios.Attributes["data-module"] = "govuk-radios";
        attributes.ApplyTo(radios);

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var value = item.Value ?? item.Text;
            var isChecked = useItemSelection ? item.Selected : field.IsCurrent(value);
            radios.InnerHtml.AppendHtml(
                GovUkMarkup.ChoiceItem("radios", "radio", field.Id, index, field.Name, value, item.Text, isChecked, item.Disabled));
        }

        return Fieldset(field, radios);
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using TrainingPortal.Theme.ModelBinding;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// The GOV.UK error summary: <c>&lt;govuk-error-summary /&gt;</c> at the top of the main column. Lists every
/// field's error from ModelState, each linking to its field; errors not tied to a field are listed without a
/// link. Renders nothing when there are no errors.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed partial class GovUkErrorSummaryTagHelper : TagHelper
{
    public string Title { get; set; } = "There is a problem";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var list = GovUkMarkup.Element("ul", "govuk-list govuk-error-summary__list");

        // Errors about the form as a whole come first, then field errors in the order the fields are declared.
        foreach (var error in modelState.Where(pair => pair.Key.Length == 0).SelectMany(pair => pair.Value?.Errors ?? []))
        {
            var item = GovUkMarkup.Element("li");
            item.InnerHtml.Append(error.ErrorMessage is { Length: > 0 } message ? message : "There is a problem with this form");
            list.InnerHtml.AppendHtml(item);
        }

        var fieldErrors = modelState
            .Where(pair => pair.Key.Length > 0 && FieldState.FirstError(pair.Value) is not null)
            .Select(pair => (pair.Key, Message: FieldState.FirstError(pair.Value)!, Field: Locate(ViewContext.ViewData.ModelMetadata, pair.Key)))
            .OrderBy(error => error.Field.Position, PositionComparer.Instance)
            .ToList();

        foreach (var (key, message, field) in fieldErrors)
        {
            var link = GovUkMarkup.Element("a");
            link.Attributes["href"] = "#" + TargetId(modelState, key, field.Metadata);
            link.InnerHtml.Append(message);
            var item = GovUkMarkup.Element("li");
            item.InnerHtml.AppendHtml(link);
            list.InnerHtml.AppendHtml(item);
        }

        var title = GovUkMarkup.Element("h2", "govuk-error-summary__title");
        title.InnerHtml.Append(Title);
        var body = GovUkMarkup.Element("div", "govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);
        var alert = GovUkMarkup.Element("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(title);
        alert.InnerHtml.AppendHtml(body);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovUkMarkup.Classes("govuk-error-summary", output.Attributes["class"]?.Value?.ToString()));
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(alert);
    }

    /// <summary>
    /// Finds a ModelState key ("Input.Roles[2]") in the model: its metadata, and its position as each
    /// property's place among its siblings (declaration order, or [Display(Order)]) and each list index.
    /// ModelState keeps no useful order, and GOV.UK lists errors in the order of the questions on the page.
    /// </summary>
    internal static (IReadOnlyList<int> Position, ModelMetadata? Metadata) Locate(ModelMetadata? metadata, string key)
    {
        var position = new List<int>();
        foreach (Match segment in KeySegment().Matches(key))
        {
            if (segment.Groups["index"].Success)
            {
                position.Add(int.TryParse(segment.Groups["index"].Value, out var index) ? index : int.MaxValue);
                metadata = metadata?.ElementMetadata;
                continue;
            }

            var name = segment.Groups["name"].Value;
            var properties = metadata?.Properties.ToList() ?? [];
            var propertyIndex = properties.FindIndex(property => string.Equals(property.PropertyName, name, StringComparison.OrdinalIgnoreCase));
            if (propertyIndex < 0)
            {
                position.Add(int.MaxValue);
                return (position, null);
            }

            position.Add(propertyIndex);
            metadata = properties[propertyIndex];
        }

        return (position, metadata);
    }

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>[^\]]*)\]")]
    private static partial Regex KeySegment();

    /// <summary>Compares positions element by element; a parent sorts before its children.</summary>
    private sealed class PositionComparer : IComparer<IReadOnlyList<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }

    /// <summary>The id of the field for a ModelState key; for a date input, its first box in error.</summary>
    private static string TargetId(ModelStateDictionary modelState, string key, ModelMetadata? metadata)
    {
        var id = FieldState.ToId(key);
        var day = GovUkDateInputTagHelper.Attempted(modelState, key + DateInputModelBinder.DaySuffix);
        var month = GovUkDateInputTagHelper.Attempted(modelState, key + DateInputModelBinder.MonthSuffix);
        var year = GovUkDateInputTagHelper.Attempted(modelState, key + DateInputModelBinder.YearSuffix);
        // A DateOnly posted as one value came from a single input, not from <govuk-date-input>.
        var postedAsOneValue = modelState.TryGetValue(key, out var entry) && entry.RawValue is not null;
        var isDate = day is not null || month is not null || year is not null
            || (metadata?.UnderlyingOrModelType == typeof(DateOnly) && !postedAsOneValue);

        return isDate ? GovUkDateInputTagHelper.FirstErrorId(id, GovUkDateInputTagHelper.ErrorParts(day, month, year)) : id;
    }
}

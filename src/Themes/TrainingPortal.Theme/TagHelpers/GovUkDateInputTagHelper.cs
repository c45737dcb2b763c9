using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Razor.TagHelpers;
using TrainingPortal.Theme.ModelBinding;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// The GOV.UK date input for a <see cref="DateOnly"/> or <see cref="DateOnly"/>? property:
/// <c>&lt;govuk-date-input for="Input.StartDate" legend="When does the session start?" hint="For example, 27 3 2024" /&gt;</c>.
/// Posts <c>Input.StartDate.Day</c>, <c>.Month</c> and <c>.Year</c>, which <see cref="DateInputModelBinder"/>
/// (registered by <c>AddGovUkFrontend()</c>) binds back into one date.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateInputTagHelper : GovUkFieldsetTagHelper
{
    /// <summary>"bday" for a date of birth: the boxes get bday-day, bday-month and bday-year.</summary>
    public string? Autocomplete { get; set; }

    private protected override IHtmlContent RenderContent(FieldState field, ControlAttributes attributes)
    {
        var modelState = ViewContext.ViewData.ModelState;
        // default(DateOnly) is what an unset non-nullable property holds, not a date anyone entered.
        var date = field.Expression.Model is DateOnly model && model != default ? model : (DateOnly?)null;
        var day = Attempted(modelState, field.Name + DateInputModelBinder.DaySuffix) ?? date?.Day.ToString(CultureInfo.InvariantCulture);
        var month = Attempted(modelState, field.Name + DateInputModelBinder.MonthSuffix) ?? date?.Month.ToString(CultureInfo.InvariantCulture);
        var year = Attempted(modelState, field.Name + DateInputModelBinder.YearSuffix) ?? date?.Year.ToString(CultureInfo.InvariantCulture);
        var invalid = field.HasError ? ErrorParts(day, month, year) : DatePart.None;

        var dateInput = GovUkMarkup.Element("div", "govuk-date-input");
        dateInput.Attributes["id"] = field.Id;
        attributes.ApplyTo(dateInput);

        dateInput.InnerHtml.AppendHtml(Item(field, DatePart.Day, day, invalid));
        dateInput.InnerHtml.AppendHtml(Item(field, DatePart.Month, month, invalid));
        dateInput.InnerHtml.AppendHtml(Item(field, DatePart.Year, year, invalid));

        return Fieldset(field, dateInput, role: "group");
    }

    /// <summary>
    /// The boxes to highlight for an error on the date: the missing or impossible ones when that is what is
    /// wrong, otherwise (a real date that breaks a rule, such as "must be in the future") all three.
    /// </summary>
    internal static DatePart ErrorParts(string? day, string? month, string? year)
    {
        var value = DateInputValue.Parse(day, month, year);
        return value.Date is null ? value.InvalidParts : DatePart.All;
    }

    /// <summary>The id of the first highlighted box, where the error summary link should take the user.</summary>
    internal static string FirstErrorId(string fieldId, DatePart invalid) =>
        fieldId + IdSuffix(invalid.HasFlag(DatePart.Day) ? DatePart.Day : invalid.HasFlag(DatePart.Month) ? DatePart.Month : DatePart.Year);

    internal static string? Attempted(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : null;

    private static string IdSuffix(DatePart part) => FieldState.IdDotReplacement + part;

    private IHtmlContent Item(FieldState field, DatePart part, string? value, DatePart invalid)
    {
        var id = field.Id + IdSuffix(part);

        var input = GovUkMarkup.VoidElement("input", GovUkMarkup.Classes(
            "govuk-input",
            "govuk-date-input__input",
            part == DatePart.Year ? "govuk-input--width-4" : "govuk-input--width-2",
            invalid.HasFlag(part) ? "govuk-input--error" : null));
        input.Attributes["id"] = id;
        input.Attributes["name"] = field.Name + "." + part;
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = "numeric";
        if (!string.IsNullOrEmpty(value))
        {
            input.Attributes["value"] = value;
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            input.Attributes["autocomplete"] = $"{Autocomplete}-{part.ToString().ToLowerInvariant()}";
        }

        var formGroup = GovUkMarkup.Element("div", "govuk-form-group");
        formGroup.InnerHtml.AppendHtml(GovUkMarkup.Label(id, part.ToString(), "govuk-date-input__label", isPageHeading: false));
        formGroup.InnerHtml.AppendHtml(input);

        var item = GovUkMarkup.Element("div", "govuk-date-input__item");
        item.InnerHtml.AppendHtml(formGroup);
        return item;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrainingPortal.Theme.ModelBinding;

/// <summary>
/// Binds a <see cref="DateOnly"/> or <see cref="DateOnly"/>? from the three boxes of the GOV.UK date input
/// (<c>{name}.Day</c>, <c>{name}.Month</c>, <c>{name}.Year</c>). What was typed is kept in ModelState for
/// redisplay, and a date that is incomplete or not real gets a GOV.UK-style model error. When the request has
/// none of the three fields (a query string <c>?from=2024-03-27</c>), the usual binder runs instead.
/// </summary>
public sealed partial class DateInputModelBinder(IModelBinder fallback) : IModelBinder
{
    public const string DaySuffix = ".Day";
    public const string MonthSuffix = ".Month";
    public const string YearSuffix = ".Year";

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);

        var name = bindingContext.ModelName;
        var day = bindingContext.ValueProvider.GetValue(name + DaySuffix);
        var month = bindingContext.ValueProvider.GetValue(name + MonthSuffix);
        var year = bindingContext.ValueProvider.GetValue(name + YearSuffix);

        if (day == ValueProviderResult.None && month == ValueProviderResult.None && year == ValueProviderResult.None)
        {
            await fallback.BindModelAsync(bindingContext);
            return;
        }

        // Kept for redisplay only: nothing validates these keys, and left unvalidated they would make ModelState invalid.
        foreach (var (suffix, typed) in new[] { (DaySuffix, day), (MonthSuffix, month), (YearSuffix, year) })
        {
            bindingContext.ModelState.SetModelValue(name + suffix, typed);
            bindingContext.ModelState.MarkFieldSkipped(name + suffix);
        }

        var value = DateInputValue.Parse(day.FirstValue, month.FirstValue, year.FirstValue);
        var metadata = bindingContext.ModelMetadata;

        if (value.Date is { } date)
        {
            bindingContext.Result = ModelBindingResult.Success(date);
            return;
        }

        if (value.IsEmpty && metadata.IsReferenceOrNullableType)
        {
            // Whether the date may be left out is for [Required] to say, not the binder.
            bindingContext.Result = ModelBindingResult.Success(null);
            return;
        }

        var displayName = DisplayName(metadata);
        var required = metadata.ValidatorMetadata.OfType<RequiredAttribute>().FirstOrDefault();
        var message = value.IsEmpty && required?.ErrorMessage is not null
            ? required.FormatErrorMessage(displayName)
            : value.ErrorMessage(displayName)!;

        bindingContext.ModelState.TryAddModelError(name, message);
        bindingContext.Result = ModelBindingResult.Failed();
    }

    /// <summary>[Display(Name)] when given, otherwise the property name as words: StartDate becomes "Start date".</summary>
    internal static string DisplayName(ModelMetadata metadata)
    {
        if (metadata.DisplayName is { Length: > 0 } displayName)
        {
            return displayName;
        }

        var words = WordBoundary().Replace(metadata.Name ?? "Date", " ");
        return words[..1].ToUpperInvariant() + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}

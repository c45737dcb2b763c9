using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace TrainingPortal.Theme.TagHelpers;

/// <summary>
/// The name, id, current value and error of one model expression, worked out the way ASP.NET Core's own
/// tag helpers do, so that ids match what the error summary links to.
/// </summary>
internal sealed class FieldState
{
    /// <summary>What ASP.NET Core puts in place of '.' in ids ("Input.Email" becomes "Input_Email").</summary>
    public const string IdDotReplacement = "_";

    private const string FallbackErrorMessage = "Enter a valid value";

    private FieldState(string name, ModelExpression expression, ModelStateEntry? entry)
    {
        Name = name;
        Id = ToId(name);
        Expression = expression;
        Entry = entry;
        ErrorMessage = FirstError(entry);
    }

    public string Name { get; }

    public string Id { get; }

    public ModelExpression Expression { get; }

    public ModelStateEntry? Entry { get; }

    /// <summary>The first error for this field: GOV.UK shows one message per field.</summary>
    public string? ErrorMessage { get; }

    public bool HasError => ErrorMessage is not null;

    public string HintId => Id + "-hint";

    public string ErrorId => Id + "-error";

    public static FieldState Create(ViewContext viewContext, ModelExpression expression)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        ArgumentNullException.ThrowIfNull(expression);

        var name = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        viewContext.ViewData.ModelState.TryGetValue(name, out var entry);
        return new FieldState(name, expression, entry);
    }

    public static string ToId(string name) => TagBuilder.CreateSanitizedId(name, IdDotReplacement);

    public static string? FirstError(ModelStateEntry? entry) =>
        entry is { Errors.Count: > 0 }
            ? entry.Errors[0].ErrorMessage is { Length: > 0 } message ? message : FallbackErrorMessage
            : null;

    /// <summary>What was posted, if this request posted the field; otherwise the model's value.</summary>
    public string? Value => Entry?.AttemptedValue ?? Format(Expression.Model);

    /// <summary>Every posted value (a list of checkboxes), or the model's values when nothing was posted.</summary>
    public IReadOnlyCollection<string> Values
    {
        get
        {
            switch (Entry?.RawValue)
            {
                case string single:
                    return [single];
                case string[] many:
                    return many;
            }

            return Expression.Model switch
            {
                null => [],
                string single => [single],
                IEnumerable many => many.Cast<object?>().Select(Format).OfType<string>().ToArray(),
                var single => [Format(single)!],
            };
        }
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        Enum choice => choice.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString(),
    };

    /// <summary>Whether an option's value is the current one; "True" and "true" are the same answer.</summary>
    public static bool Matches(string? optionValue, string? current) =>
        optionValue is not null && current is not null
            && (string.Equals(optionValue, current, StringComparison.Ordinal)
                || (bool.TryParse(optionValue, out var option) && bool.TryParse(current, out var value) && option == value));

    /// <summary>Whether an option is the field's value; an enum also matches its number.</summary>
    public bool IsCurrent(string? optionValue)
    {
        if (Matches(optionValue, Value))
        {
            return true;
        }

        return Entry?.AttemptedValue is null
            && Expression.Model is Enum choice
            && Matches(optionValue, Convert.ToInt64(choice, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
    }
}

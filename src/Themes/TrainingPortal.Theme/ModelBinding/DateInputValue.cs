using System.Globalization;

namespace TrainingPortal.Theme.ModelBinding;

/// <summary>A date field of the GOV.UK date input component.</summary>
[Flags]
public enum DatePart
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

/// <summary>
/// What someone typed into the day, month and year boxes, and what is wrong with it, in the words and
/// with the highlighting the GOV.UK Design System asks for. Shared by the model binder (messages) and the
/// tag helpers (which boxes get the error style, where the error summary links to).
/// </summary>
public sealed class DateInputValue
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private DateInputValue(string day, string month, string year)
    {
        Day = day;
        Month = month;
        Year = year;
    }

    public string Day { get; }

    public string Month { get; }

    public string Year { get; }

    public bool IsEmpty => Day.Length == 0 && Month.Length == 0 && Year.Length == 0;

    /// <summary>The date, when the three boxes make a real one.</summary>
    public DateOnly? Date { get; private set; }

    /// <summary>The boxes to highlight: the missing ones, the one that cannot be right, or all of them.</summary>
    public DatePart InvalidParts { get; private set; }

    public static DateInputValue Parse(string? day, string? month, string? year)
    {
        var value = new DateInputValue(day?.Trim() ?? "", month?.Trim() ?? "", year?.Trim() ?? "");
        value.Check();
        return value;
    }

    /// <summary>The error for a field called <paramref name="displayName"/> ("Start date"), or null when the date is real.</summary>
    public string? ErrorMessage(string displayName)
    {
        if (Date is not null)
        {
            return null;
        }

        if (IsEmpty)
        {
            return $"Enter {LowerFirst(displayName)}";
        }

        var missing = new List<string>(3);
        if (Day.Length == 0) missing.Add("day");
        if (Month.Length == 0) missing.Add("month");
        if (Year.Length == 0) missing.Add("year");
        if (missing.Count > 0)
        {
            return $"{displayName} must include a {string.Join(" and ", missing)}";
        }

        if (InvalidParts == DatePart.Year && Year.Length != 4 && ParseNumber(Year) is not null)
        {
            return "Year must include 4 numbers";
        }

        return $"{displayName} must be a real date";
    }

    private void Check()
    {
        if (IsEmpty)
        {
            InvalidParts = DatePart.All;
            return;
        }

        var missing = DatePart.None;
        if (Day.Length == 0) missing |= DatePart.Day;
        if (Month.Length == 0) missing |= DatePart.Month;
        if (Year.Length == 0) missing |= DatePart.Year;
        if (missing != DatePart.None)
        {
            InvalidParts = missing;
            return;
        }

        var day = ParseNumber(Day);
        var month = ParseMonth(Month);
        var year = Year.Length == 4 ? ParseNumber(Year) : null;

        var wrong = DatePart.None;
        if (day is null or < 1 or > 31) wrong |= DatePart.Day;
        if (month is null or < 1 or > 12) wrong |= DatePart.Month;
        if (year is null or < 1) wrong |= DatePart.Year;

        if (wrong == DatePart.None)
        {
            if (day <= DateTime.DaysInMonth(year!.Value, month!.Value))
            {
                Date = new DateOnly(year.Value, month.Value, day.Value);
                return;
            }

            // 30 February: no single box is wrong, so highlight the date as a whole.
            wrong = DatePart.All;
        }

        // One wrong box is highlighted alone; when more than one is wrong it is not clear which, so all are.
        InvalidParts = wrong is DatePart.Day or DatePart.Month or DatePart.Year ? wrong : DatePart.All;
    }

    private static int? ParseNumber(string text) =>
        text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit)
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    // People copy dates from letters and passports, so "Mar" and "March" are accepted as well as "3".
    private static int? ParseMonth(string text)
    {
        if (ParseNumber(text) is { } number)
        {
            return number;
        }

        var lower = text.ToLowerInvariant();
        var index = Array.FindIndex(MonthNames, name => name == lower || (lower.Length == 3 && name.StartsWith(lower, StringComparison.Ordinal)));
        return index < 0 ? null : index + 1;
    }

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}

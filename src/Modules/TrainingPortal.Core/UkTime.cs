namespace TrainingPortal.Core;

/// <summary>Times are stored in UTC and shown in UK time (GMT or BST).</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC time of a UK wall-clock time (a day and time as someone in the UK would enter it).</summary>
    public static DateTime ToUtc(DateTime ukLocal) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified), Zone);

    /// <summary>"3 March 2026, 2:05pm".</summary>
    public static string Format(DateTime utc) =>
        $"{FromUtc(utc).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, {FormatTime(utc)}";

    /// <summary>"3 March 2026".</summary>
    public static string FormatDate(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today's date in the UK: what "today" means for expiry and compliance.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>"2:05pm".</summary>
    public static string FormatTime(DateTime utc) => FromUtc(utc).ToString("h:mmtt", System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant();

    /// <summary>"3 March 2026, 9:30am to 4:30pm" (the end's day is named when it differs).</summary>
    public static string FormatRange(DateTime startUtc, DateTime endUtc) =>
        FromUtc(startUtc).Date == FromUtc(endUtc).Date ? $"{Format(startUtc)} to {FormatTime(endUtc)}" : $"{Format(startUtc)} to {Format(endUtc)}";
}

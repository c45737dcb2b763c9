namespace TrainingPortal.Core;

/// <summary>Times are stored in UTC and shown in UK time (GMT or BST).</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"3 March 2026, 2:05pm".</summary>
    public static string Format(DateTime utc)
    {
        var local = FromUtc(utc);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return $"{local.ToString("d MMMM yyyy", culture)}, {local.ToString("h:mmtt", culture).ToLowerInvariant()}";
    }
}

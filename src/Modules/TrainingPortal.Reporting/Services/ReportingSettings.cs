using TrainingPortal.Data.Settings;
using TrainingPortal.Reporting.Domain;

namespace TrainingPortal.Reporting.Services;

/// <summary>The partnership's reporting settings, stored as portal settings.</summary>
public static class ReportingSettings
{
    /// <summary>The two months half-years start in ("4,10": April and October).</summary>
    public const string PeriodStartMonthsKey = "Reporting:PeriodStartMonths";

    public static async Task<ReportingCalendar> CalendarAsync(PortalSettings settings, CancellationToken cancellationToken = default) =>
        ReportingCalendar.Parse(await settings.GetAsync(PeriodStartMonthsKey, cancellationToken));
}

using TrainingPortal.Data.Settings;

namespace TrainingPortal.Sessions.Services;

/// <summary>The partnership's session settings (kept as portal settings, so recipes and the coordinator can change them).</summary>
public sealed record SessionSettings(int LateCancellationHours, int ReminderDaysBefore)
{
    public const string LateCancellationHoursKey = "Sessions:LateCancellationHours";
    public const string ReminderDaysBeforeKey = "Sessions:ReminderDaysBefore";

    /// <summary>What a did-not-attend or late cancellation costs, in pence, on a course without a charge of its own.</summary>
    public const string DidNotAttendChargePenceKey = "Sessions:DidNotAttendChargePence";

    public static readonly SessionSettings Defaults = new(72, 3);

    public TimeSpan LateCancellationWindow => TimeSpan.FromHours(LateCancellationHours);

    public static async Task<SessionSettings> ReadAsync(PortalSettings settings, CancellationToken cancellationToken) =>
        new(await settings.GetIntAsync(LateCancellationHoursKey, Defaults.LateCancellationHours, cancellationToken),
            await settings.GetIntAsync(ReminderDaysBeforeKey, Defaults.ReminderDaysBefore, cancellationToken));
}

using TrainingPortal.Data.Settings;

namespace TrainingPortal.Sessions.Services;

/// <summary>The partnership's session settings (kept as portal settings, so recipes and the coordinator can change them).</summary>
/// <param name="LateCancellationHours">A cancellation this close to the start is late.</param>
/// <param name="ReminderDaysBefore">How many days before a session people are reminded.</param>
/// <param name="DefaultChargePence">The charge for a did-not-attend or late cancellation on a course without its own charge.</param>
public sealed record SessionSettings(int LateCancellationHours, int ReminderDaysBefore, int DefaultChargePence)
{
    public const string LateCancellationHoursKey = "Sessions:LateCancellationHours";
    public const string ReminderDaysBeforeKey = "Sessions:ReminderDaysBefore";
    public const string DidNotAttendChargePenceKey = "Sessions:DidNotAttendChargePence";

    public static readonly SessionSettings Defaults = new(72, 3, 0);

    public TimeSpan LateCancellationWindow => TimeSpan.FromHours(LateCancellationHours);

    public static async Task<SessionSettings> ReadAsync(PortalSettings settings, CancellationToken cancellationToken) =>
        new(await settings.GetIntAsync(LateCancellationHoursKey, Defaults.LateCancellationHours, cancellationToken),
            await settings.GetIntAsync(ReminderDaysBeforeKey, Defaults.ReminderDaysBefore, cancellationToken),
            await settings.GetIntAsync(DidNotAttendChargePenceKey, Defaults.DefaultChargePence, cancellationToken));
}

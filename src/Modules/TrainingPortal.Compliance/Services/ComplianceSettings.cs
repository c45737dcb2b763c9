using TrainingPortal.Data.Settings;

namespace TrainingPortal.Compliance.Services;

/// <summary>The partnership's compliance settings, stored as portal settings so the training unit can change them.</summary>
public static class ComplianceSettings
{
    /// <summary>How many days before expiry a record counts as due soon.</summary>
    public const string DueSoonDaysKey = "Compliance:DueSoonDays";

    public const int DefaultDueSoonDays = 60;

    public const int MaxDueSoonDays = 365;

    public static async Task<int> DueSoonDaysAsync(PortalSettings settings, CancellationToken cancellationToken = default) =>
        Math.Clamp(await settings.GetIntAsync(DueSoonDaysKey, DefaultDueSoonDays, cancellationToken), 0, MaxDueSoonDays);
}

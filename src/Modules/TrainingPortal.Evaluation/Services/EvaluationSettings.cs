using System.Globalization;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Evaluation.Services;

/// <summary>The partnership's evaluation settings, stored as portal settings.</summary>
public static class EvaluationSettings
{
    /// <summary>"true" holds a certificate until its training has been evaluated; off by default.</summary>
    public const string HoldCertificatesKey = "Evaluation:HoldCertificates";

    /// <summary>Months after a completion that the impact follow-up is sent; 3 by default.</summary>
    public const string FollowUpMonthsKey = "Evaluation:FollowUpMonths";

    /// <summary>
    /// When evaluation started (UTC, round-trip format): completions recorded before it are history, not asked about.
    /// Set by the first invitation run.
    /// </summary>
    public const string InvitingSinceKey = "Evaluation:InvitingSince";

    public const int DefaultFollowUpMonths = 3;

    public const int LeastFollowUpMonths = 1;

    public const int MostFollowUpMonths = 24;

    /// <summary>Days after the follow-up email that its one reminder goes.</summary>
    public const int FollowUpReminderDays = 14;

    /// <summary>Completions older than this when first seen (records entered late) are not asked about.</summary>
    public const int RecentCompletionDays = 30;

    public static async Task<bool> HoldCertificatesAsync(PortalSettings settings, CancellationToken cancellationToken = default) =>
        string.Equals(await settings.GetAsync(HoldCertificatesKey, cancellationToken), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> FollowUpMonthsAsync(PortalSettings settings, CancellationToken cancellationToken = default) =>
        Math.Clamp(await settings.GetIntAsync(FollowUpMonthsKey, DefaultFollowUpMonths, cancellationToken), LeastFollowUpMonths, MostFollowUpMonths);

    public static async Task<DateTime?> InvitingSinceAsync(PortalSettings settings, CancellationToken cancellationToken = default) =>
        DateTime.TryParse(await settings.GetAsync(InvitingSinceKey, cancellationToken), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
            ? DateTime.SpecifyKind(since, DateTimeKind.Utc)
            : null;
}

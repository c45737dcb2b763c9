using System.Globalization;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Evaluation.Services;

/// <summary>The evaluation settings as the training unit enters them: the follow-up interval as typed.</summary>
public sealed class EvaluationSettingsInput
{
    public bool HoldCertificates { get; set; }

    public string? FollowUpMonths { get; set; }
}

/// <summary>Reads and changes whether certificates wait for the evaluation, and how many months later the follow-up goes.</summary>
public sealed class EvaluationSettingsEditor(PortalDbContext db, PortalSettings settings, AuditTrail audit)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<EvaluationSettingsInput> ReadAsync(CancellationToken cancellationToken = default) => new()
    {
        HoldCertificates = await EvaluationSettings.HoldCertificatesAsync(settings, cancellationToken),
        FollowUpMonths = (await EvaluationSettings.FollowUpMonthsAsync(settings, cancellationToken)).ToString(Invariant),
    };

    /// <summary>Checks and saves both settings, or neither; a change is recorded in the audit trail.</summary>
    public async Task<OperationResult> SaveAsync(EvaluationSettingsInput input, CancellationToken cancellationToken = default)
    {
        if (!int.TryParse(input.FollowUpMonths?.Trim(), NumberStyles.None, Invariant, out var months)
            || months is < EvaluationSettings.LeastFollowUpMonths or > EvaluationSettings.MostFollowUpMonths)
        {
            return OperationResult.Failed(nameof(input.FollowUpMonths),
                $"Enter the follow-up interval as a whole number of months, from {EvaluationSettings.LeastFollowUpMonths} to {EvaluationSettings.MostFollowUpMonths}");
        }
        var before = await ReadAsync(cancellationToken);
        await settings.SetAsync(EvaluationSettings.HoldCertificatesKey, input.HoldCertificates ? "true" : "false", cancellationToken);
        await settings.SetAsync(EvaluationSettings.FollowUpMonthsKey, months.ToString(Invariant), cancellationToken);
        if (AuditTrail.Describe(
                ("Hold certificates until evaluated", before.HoldCertificates, input.HoldCertificates),
                ("Follow-up after (months)", before.FollowUpMonths, months.ToString(Invariant))) is { } changed)
        {
            audit.Record("Evaluation settings changed", "Settings", "Evaluation", changed);
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }
}

using TrainingPortal.Reporting.Domain;

namespace TrainingPortal.Reporting.Services;

/// <summary>Works out every bi-annual report's figures for a period, as the data stood then, with set-based queries.</summary>
public sealed class ReportCalculator
{
    /// <summary>The partnership's report and one per active agency for the period (the partnership first).</summary>
    public Task<IReadOnlyList<ReportFigures>> AllAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Contract only: being written.");

    /// <summary>One agency's report for the period.</summary>
    public Task<ReportFigures> ForAgencyAsync(ReportingPeriod period, Guid agencyId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Contract only: being written.");
}

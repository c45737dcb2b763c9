namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Lines another module adds to each agency's part of the safeguarding leads' weekly summary (briefing actions that
/// are overdue, for example), so the module that sends the summary need not know the others.
/// </summary>
public interface ILeadSummarySection
{
    /// <summary>The lines for each of <paramref name="agencyIds"/> on <paramref name="today"/>; agencies with nothing to say may be left out.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> LinesAsync(IReadOnlyCollection<Guid> agencyIds, DateOnly today, CancellationToken cancellationToken = default);
}

using System.Text.Json;

namespace TrainingPortal.Reporting.Services;

/// <summary>How a report's figures are kept in the archive (<see cref="Domain.BiAnnualReport.FiguresJson"/>) and read back for the page.</summary>
public static class ReportFiguresJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string Serialize(ReportFigures figures) => JsonSerializer.Serialize(figures, Options);

    public static ReportFigures Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportFigures>(json, Options) ?? throw new InvalidOperationException("A stored report has no figures.");
}

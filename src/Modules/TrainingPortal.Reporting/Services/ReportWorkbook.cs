namespace TrainingPortal.Reporting.Services;

/// <summary>Writes a report's figures as an Excel workbook (EPPlus): a Summary sheet with charts and detail sheets.</summary>
public sealed class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The .xlsx file for one report.</summary>
    public byte[] Write(ReportFigures figures) => throw new NotImplementedException("Contract only: being written.");
}

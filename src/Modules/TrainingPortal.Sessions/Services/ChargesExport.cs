using System.Globalization;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Sessions.Services;

/// <summary>
/// Did-not-attend and late-cancellation charges per agency as an Excel workbook (EPPlus), for invoicing.
/// Column widths are set by hand: AutoFit needs GDI+, absent on Linux.
/// </summary>
public sealed class ChargesExport(SessionQueries queries, PortalDbContext db, AuditTrail audit)
{
    private static readonly (string Header, double Width)[] Columns =
    [
        ("Agency", 48), ("Did not attend", 16), ("Late cancellations", 20), ("Charge", 14),
    ];

    /// <summary>"1 April 2026 to 30 June 2026".</summary>
    public static string Period(DateOnly firstDay, DateOnly lastDay) =>
        $"{firstDay.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} to {lastDay.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Builds the workbook for sessions that started from <paramref name="firstDay"/> to <paramref name="lastDay"/>
    /// (both included, UK dates) and records the export in the audit trail.
    /// </summary>
    public async Task<byte[]> WorkbookAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        var charges = await queries.ChargesAsync(firstDay, lastDay.AddDays(1), cancellationToken);
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Charges");
        WorkbookStyle.Title(sheet, "Did-not-attend and late cancellation charges");
        sheet.Cells[2, 1].Value = $"Sessions that started from {Period(firstDay, lastDay)}";
        const int headerRow = 4;
        WorkbookStyle.Header(sheet, headerRow, Columns);
        var row = headerRow + 1;
        foreach (var agency in charges)
        {
            sheet.Cells[row, 1].Value = agency.Agency;
            sheet.Cells[row, 2].Value = agency.DidNotAttend;
            sheet.Cells[row, 3].Value = agency.LateCancelled;
            sheet.Cells[row, 4].Value = agency.TotalPence / 100m;
            row++;
        }
        sheet.Cells[row, 1].Value = "Total";
        sheet.Cells[row, 2].Value = charges.Sum(c => c.DidNotAttend);
        sheet.Cells[row, 3].Value = charges.Sum(c => c.LateCancelled);
        sheet.Cells[row, 4].Value = charges.Sum(c => c.TotalPence) / 100m;
        using (var total = sheet.Cells[row, 1, row, Columns.Length])
        {
            total.Style.Font.Bold = true;
            total.Style.Border.Top.Style = ExcelBorderStyle.Thin;
        }
        sheet.Cells[headerRow + 1, 4, row, 4].Style.Numberformat.Format = "£#,##0.00";
        sheet.View.FreezePanes(headerRow + 1, 1);
        audit.Record("Charges exported", "Charges", $"{firstDay:yyyy-MM-dd}/{lastDay:yyyy-MM-dd}", $"{charges.Count} agencies");
        await db.SaveChangesAsync(cancellationToken);
        return package.GetAsByteArray();
    }
}

using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace TrainingPortal.Reporting.Services;

/// <summary>
/// A column of a report table: its heading, width (characters; none where the sheet sets its widths once for several
/// tables, as the Summary does) and the number format of its cells.
/// </summary>
internal sealed record ReportColumn(string Header, double Width = 0, string? Format = null);

/// <summary>
/// The look the report workbooks share: titles, headings, widths and number formats, styled a range at a time (never a
/// cell at a time in a loop). Column widths are set by hand: AutoFit needs GDI+, absent on Linux.
/// </summary>
internal static class ReportSheet
{
    public const string Count = "#,##0";

    /// <summary>Whole percentages as the figures hold them (85 means 85%), headed "(%)".</summary>
    public const string Percent = "0";

    /// <summary>Rates to one decimal place as the figures hold them (12.5 means 12.5%), headed "(%)".</summary>
    public const string Rate = "0.0";

    /// <summary>Averages on a rating scale (confidence), to one decimal place.</summary>
    public const string Average = "0.0";

    /// <summary>Percentage points, signed so a fall reads as one.</summary>
    public const string Change = "+0;-0;0";

    public const string Date = "dd/mm/yyyy";

    /// <summary>The sheet's title on row 1 and a line saying what it covers on row 2.</summary>
    public static void Title(ExcelWorksheet sheet, string title, string note)
    {
        sheet.SetValue(1, 1, title);
        sheet.SetValue(2, 1, note);
        using var heading = sheet.Cells[1, 1];
        heading.Style.Font.Bold = true;
        heading.Style.Font.Size = 14;
    }

    /// <summary>Writes the headings on <paramref name="row"/> from <paramref name="firstColumn"/>, bold and underlined.</summary>
    public static void Header(ExcelWorksheet sheet, int row, IReadOnlyList<ReportColumn> columns, int firstColumn = 1)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.SetValue(row, firstColumn + c, columns[c].Header);
        }
        using var header = sheet.Cells[row, firstColumn, row, firstColumn + columns.Count - 1];
        header.Style.Font.Bold = true;
        header.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
    }

    public static void Widths(ExcelWorksheet sheet, IReadOnlyList<ReportColumn> columns) =>
        Widths(sheet, columns.Select(c => c.Width).ToArray());

    /// <summary>Sets the width (characters) of each column from A.</summary>
    public static void Widths(ExcelWorksheet sheet, params double[] widths)
    {
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }
    }

    /// <summary>Sets each column's number format over rows <paramref name="firstRow"/> to <paramref name="lastRow"/>, one range per column.</summary>
    public static void Formats(ExcelWorksheet sheet, int firstRow, int lastRow, IReadOnlyList<ReportColumn> columns, int firstColumn = 1)
    {
        if (lastRow < firstRow)
        {
            return;
        }
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Format is { } format)
            {
                sheet.Cells[firstRow, firstColumn + c, lastRow, firstColumn + c].Style.Numberformat.Format = format;
            }
        }
    }

    /// <summary>
    /// Makes rows <paramref name="headerRow"/> to <paramref name="lastRow"/> a list: headings stay in view while
    /// scrolling, and the headings filter the rows below them (a line saying so when there are none).
    /// </summary>
    public static void List(ExcelWorksheet sheet, int headerRow, int lastRow, IReadOnlyList<ReportColumn> columns, string whenEmpty)
    {
        Formats(sheet, headerRow + 1, lastRow, columns);
        sheet.View.FreezePanes(headerRow + 1, 1);
        if (lastRow == headerRow)
        {
            sheet.SetValue(headerRow + 1, 1, whenEmpty);
            return;
        }
        sheet.Cells[headerRow, 1, lastRow, columns.Count].AutoFilter = true;
    }

    /// <summary>A bold row with a line above it, for totals.</summary>
    public static void Total(ExcelWorksheet sheet, int row, int columns)
    {
        using var total = sheet.Cells[row, 1, row, columns];
        total.Style.Font.Bold = true;
        total.Style.Border.Top.Style = ExcelBorderStyle.Thin;
    }
}

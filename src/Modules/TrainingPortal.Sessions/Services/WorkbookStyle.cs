using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace TrainingPortal.Sessions.Services;

/// <summary>The look the module's workbooks share. Column widths are set by hand: AutoFit needs GDI+, absent on Linux.</summary>
internal static class WorkbookStyle
{
    public static void Title(ExcelWorksheet sheet, string title)
    {
        sheet.Cells[1, 1].Value = title;
        sheet.Cells[1, 1].Style.Font.Bold = true;
        sheet.Cells[1, 1].Style.Font.Size = 14;
    }

    /// <summary>Writes the column headings on <paramref name="row"/>, bold and underlined, and sets each column's width.</summary>
    public static void Header(ExcelWorksheet sheet, int row, IReadOnlyList<(string Header, double Width)> columns)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cells[row, c + 1].Value = columns[c].Header;
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        using var header = sheet.Cells[row, 1, row, columns.Count];
        header.Style.Font.Bold = true;
        header.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
    }
}

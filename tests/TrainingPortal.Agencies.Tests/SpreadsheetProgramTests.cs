using System.Text;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Agencies.Tests;

/// <summary>Files saved by a real spreadsheet program (LibreOffice Calc), not only by EPPlus.</summary>
public sealed class SpreadsheetProgramTests : IDisposable
{
    private readonly ImportPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_workbook_saved_by_a_spreadsheet_program_reads_the_same_as_the_csv_it_came_from()
    {
        var csv = Encoding.UTF8.GetBytes(StaffFiles.Csv(
            new StaffLine("H-1", "Zoë", "O'Neil, Jr", "zoe@health.example", StartDate: "2024-09-02"),
            new StaffLine("H-2", "Sam", "Lee", null, Team: null, Group: "G3", Frontline: "no", StartDate: "2019-01-31", LeavingDate: "2026-03-31")));

        var workbook = await SpreadsheetProgram.ConvertAsync("staff.csv", csv, "xlsx", SpreadsheetProgram.CsvIn);

        var fromWorkbook = StaffFileReader.Read("staff.xlsx", workbook);
        Assert.True(fromWorkbook.Succeeded, string.Join("; ", fromWorkbook.Errors.Select(e => e.Message)));
        Assert.Equal(StaffFileReader.Read("staff.csv", csv).Value!.Rows, fromWorkbook.Value!.Rows);
    }

    [Fact]
    public async Task The_workbook_template_opens_in_a_spreadsheet_program_with_the_headings_and_example_row()
    {
        await using var db = portal.Database.CreateContext();
        var template = new StaffImportTemplate(db, new AgencyScope(db, TestUser.Coordinator));

        var saved = await SpreadsheetProgram.ConvertAsync("template.xlsx", (await template.WorkbookAsync(portal.Health))!, SpreadsheetProgram.CsvAsShown);

        Assert.Equal(StaffFileReader.Read("template.csv", (await template.CsvAsync(portal.Health))!).Value!.Rows,
            StaffFileReader.Read("saved.csv", saved).Value!.Rows);
    }
}

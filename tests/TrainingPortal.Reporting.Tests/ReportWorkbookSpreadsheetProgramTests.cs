using System.Text;
using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Tests;

/// <summary>Report workbooks opened by a real spreadsheet program (LibreOffice Calc), not only read back by EPPlus.</summary>
public class ReportWorkbookSpreadsheetProgramTests
{
    private static readonly ReportWorkbook Workbook = new();

    [Fact]
    public async Task A_spreadsheet_program_opens_the_report_on_its_summary_with_the_headline_figures()
    {
        // Saved as CSV, a spreadsheet program writes only the first sheet: the Summary, as the reader sees it.
        var csv = Encoding.UTF8.GetString(await SpreadsheetProgram.ConvertAsync("report.xlsx", Workbook.Write(SampleFigures.ForPartnership()), SpreadsheetProgram.CsvAsShown));
        var lines = csv.Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains($"{SampleFigures.Partnership}: neglect training report,,,", lines);
        Assert.Contains("April to September 2026,,,", lines);
        Assert.Contains("Figures as the data stood on 30 September 2026,,,", lines);
        Assert.Contains("Headcount,\"12,480\",,", lines);
        Assert.Contains("Frontline headcount,\"9,310\",,", lines);
        Assert.Contains("People trained in the period,\"2,745\",,", lines);
        Assert.Contains("Did not attend rate (%),12.5,,", lines);
        Assert.Contains("Late cancellation rate (%),4.5,,", lines);
        Assert.Contains("GCP2 licensed practitioners,412,,", lines);
        Assert.Contains("Neglect champions at period end,37,,", lines);
        Assert.Contains("People briefed in the period,\"3,650\",,", lines);
        Assert.Contains("Neglect basic awareness,84,79,", lines);
    }

    [Fact]
    public async Task A_spreadsheet_program_keeps_the_charts_and_completion_dates_when_it_saves_an_agency_report()
    {
        var saved = await SpreadsheetProgram.ConvertAsync("report.xlsx", Workbook.Write(SampleFigures.ForAgency(people: 3)), "xlsx");

        using var package = new ExcelPackage(new MemoryStream(saved));
        // The program writes the labels it read from the Summary's cells into each chart it saved.
        var charts = package.Workbook.Worksheets[ReportWorkbook.SummarySheet].Drawings.Cast<ExcelChart>().ToDictionary(c => c.Title.Text, c => c.ChartXml.OuterXml);
        Assert.Equal(["People trained by level", "Compliance by requirement (%)", "People trained and compliance over the last four periods"], charts.Keys.ToArray());
        Assert.Contains("<c:v>Specialist</c:v>", charts["People trained by level"]);
        Assert.Contains("<c:v>Neglect advanced practice</c:v>", charts["Compliance by requirement (%)"]);
        Assert.Contains("<c:v>Apr–Sep 2026</c:v>", charts["People trained and compliance over the last four periods"]);
        Assert.Contains("<c:lineChart>", charts["People trained and compliance over the last four periods"]);
        var people = package.Workbook.Worksheets[ReportWorkbook.PeopleTrainedSheet];
        Assert.Equal("Person 00001", people.Cells[5, 1].Text);
        Assert.Equal(new DateTime(2026, 4, 2), people.Cells[5, 7].GetValue<DateTime>());
    }
}

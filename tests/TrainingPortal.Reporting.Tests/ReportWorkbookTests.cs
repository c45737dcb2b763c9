using System.Xml;
using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Tests;

public class ReportWorkbookTests
{
    private static readonly ReportWorkbook Workbook = new();

    [Fact]
    public void The_summary_names_the_report_and_shows_the_headline_figures()
    {
        using var package = Open(SampleFigures.ForAgency());
        var summary = package.Workbook.Worksheets[ReportWorkbook.SummarySheet];

        Assert.Equal($"{SampleFigures.Agency}: neglect training report", summary.Cells[1, 1].Text);
        Assert.Equal("April to September 2026", summary.Cells[2, 1].Text);
        Assert.Equal("Figures as the data stood on 30 September 2026", summary.Cells[3, 1].Text);
        Assert.Equal(12480d, Headline(summary, "Headcount").GetValue<double>());
        Assert.Equal(9310d, Headline(summary, "Frontline headcount").GetValue<double>());
        Assert.Equal(2745d, Headline(summary, "People trained in the period").GetValue<double>());
        Assert.Equal(2330d, Headline(summary, "Frontline people trained in the period").GetValue<double>());
        Assert.Equal(12.5, Headline(summary, "Did not attend rate (%)").GetValue<double>());
        Assert.Equal("0.0", Headline(summary, "Did not attend rate (%)").Style.Numberformat.Format);
        Assert.Equal(4.5, Headline(summary, "Late cancellation rate (%)").GetValue<double>());
        Assert.Equal(412d, Headline(summary, "GCP2 licensed practitioners").GetValue<double>());
        Assert.Equal(9d, Headline(summary, "GCP2 trainers").GetValue<double>());
        Assert.Equal(37d, Headline(summary, "Neglect champions at period end").GetValue<double>());
        Assert.Equal(412d, Headline(summary, "Briefings delivered in the period").GetValue<double>());
        Assert.Equal(3650d, Headline(summary, "People briefed in the period").GetValue<double>());
        Assert.Equal("3,650", Headline(summary, "People briefed in the period").Text);
        Assert.Equal(4d, Headline(summary, "Guides published in the period (partnership)").GetValue<double>());
        Assert.Equal(1240d, Headline(summary, "Completions asked to evaluate").GetValue<double>());
        Assert.Equal(930d, Headline(summary, "Evaluation responses").GetValue<double>());
        Assert.Equal("75.0", Headline(summary, "Evaluation response rate (%)").Text);
        Assert.Equal("4.3", Headline(summary, "Average rating (1 to 5)").Text);
        Assert.Equal(2.8, Headline(summary, "Average confidence before training").GetValue<double>());
        Assert.Equal(4.1, Headline(summary, "Average confidence after training").GetValue<double>());
        Assert.Equal("1.3", Headline(summary, "Change in average confidence").Text);
        Assert.Equal(210d, Headline(summary, "Follow-ups returned in the period").GetValue<double>());
        Assert.Equal(164d, Headline(summary, "Follow-ups reporting changed practice").GetValue<double>());
        Assert.Equal("78.1", Headline(summary, "Follow-ups reporting changed practice (%)").Text);
    }

    [Fact]
    public void The_evaluation_sheet_lists_each_course_and_shows_no_figures_where_fewer_than_five_responded()
    {
        using var package = Open(SampleFigures.ForAgency());
        var sheet = package.Workbook.Worksheets[ReportWorkbook.EvaluationSheet];
        var texts = Texts(sheet).ToList();
        var header = Enumerable.Range(1, sheet.Dimension.End.Row).Single(row => sheet.Cells[row, 1].Text == "Course");

        Assert.Equal("Evaluation", sheet.Cells[1, 1].Text);
        Assert.Equal("930", sheet.Cells[6, 2].Text);
        Assert.Equal(["Course", "Course code", "Asked", "Responses", "Response rate (%)", "Average rating (1-5)", "Confidence before (1-5)", "Confidence after (1-5)", "Confidence change"],
            Row(sheet, header, 9));
        Assert.Equal(["Graded Care Profile 2 practitioner", "GCP2-P", "40", "Fewer than 5 responses", "", "", "", "", ""], Row(sheet, header + 1, 9));
        Assert.Equal(["Neglect: advanced practice", "NEG-201", "300", "226", "75.3", "4.5", "2.5", "4.2", "1.7"], Row(sheet, header + 2, 9));
        Assert.Equal(["Neglect: basic awareness", "NEG-101", "900", "700", "77.8", "4.2", "2.9", "4.1", "1.2"], Row(sheet, header + 3, 9));
    }

    [Fact]
    public void An_agency_whose_staff_gave_fewer_than_five_responses_shows_no_averages_and_says_why()
    {
        var figures = SampleFigures.ForAgency() with
        {
            Evaluation = new EvaluationFigures { Asked = 6, Responses = 3, Withheld = true, FollowUpsReturned = 2, PracticeChanged = null },
        };

        using var package = Open(figures);
        var summary = package.Workbook.Worksheets[ReportWorkbook.SummarySheet];

        Assert.Equal(3d, Headline(summary, "Evaluation responses").GetValue<double>());
        Assert.Equal("Fewer than 5 responses", Headline(summary, "Average rating (1 to 5)").Text);
        Assert.Equal("Fewer than 5 responses", Headline(summary, "Average confidence after training").Text);
        Assert.Equal("Fewer than 5 responses", Headline(summary, "Follow-ups reporting changed practice").Text);
        Assert.Equal("No training completed in this period was asked about.",
            Texts(package.Workbook.Worksheets[ReportWorkbook.EvaluationSheet]).Last(text => text.Length > 0));
    }

    [Fact]
    public void Champions_and_evaluation_read_not_recorded_in_reports_archived_before_they_were_kept()
    {
        using var package = Open(SampleFigures.ForAgency() with { Champions = null, Evaluation = null });
        var summary = package.Workbook.Worksheets[ReportWorkbook.SummarySheet];

        Assert.Equal("Not recorded", Headline(summary, "Neglect champions at period end").Text);
        Assert.Equal("Not recorded", Headline(summary, "Briefings delivered in the period").Text);
        Assert.Equal("Not recorded", Headline(summary, "People briefed in the period").Text);
        Assert.Equal("Not recorded", Headline(summary, "Guides published in the period (partnership)").Text);
        Assert.Equal("Champion figures were not recorded when this report was made.", package.Workbook.Worksheets[ReportWorkbook.ChampionsSheet].Cells[5, 1].Text);
        Assert.Equal("Not recorded", Headline(summary, "Evaluation responses").Text);
        Assert.Equal("Not recorded", Headline(summary, "Follow-ups returned in the period").Text);
        Assert.Equal("Evaluation figures were not recorded when this report was made.", package.Workbook.Worksheets[ReportWorkbook.EvaluationSheet].Cells[5, 1].Text);
    }

    [Theory]
    [InlineData("\"Champions\":null,")]
    [InlineData("")]
    public void A_report_archived_before_champion_figures_were_kept_reads_back_as_not_recorded(string champions)
    {
        var json = ReportFiguresJson.Serialize(SampleFigures.ForAgency() with { Champions = null });
        var archived = json.Replace("\"Champions\":null,", champions, StringComparison.Ordinal);

        var figures = ReportFiguresJson.Deserialize(archived);

        Assert.Null(figures.Champions);
        using var package = Open(figures);
        Assert.Equal("Not recorded", Headline(package.Workbook.Worksheets[ReportWorkbook.SummarySheet], "Neglect champions at period end").Text);
    }

    [Fact]
    public void The_summary_has_three_named_charts_with_titles_and_series_drawn_from_its_own_tables()
    {
        using var package = Open(SampleFigures.ForPartnership());
        var summary = package.Workbook.Worksheets[ReportWorkbook.SummarySheet];

        Assert.Equal([ReportWorkbook.TrainedByLevelChart, ReportWorkbook.ComplianceChart, ReportWorkbook.TrendChart], summary.Drawings.Select(d => d.Name).ToArray());
        var byLevel = Chart(summary, ReportWorkbook.TrainedByLevelChart);
        Assert.Equal("People trained by level", byLevel.Title.Text);
        var levels = SeriesOf(byLevel);
        Assert.Equal([("barChart", "Frontline"), ("barChart", "Not frontline")], levels.Select(s => (s.Type, s.Name)).ToArray());
        Assert.Equal([210d, 1500d, 640d, 190d], Values(summary, levels[0].Values));
        Assert.Equal([120d, 320d, 45d, 0d], Values(summary, levels[1].Values));
        Assert.Equal(["Awareness", "Basic", "Advanced", "Specialist"], Values(summary, levels[0].Categories));

        var compliance = Chart(summary, ReportWorkbook.ComplianceChart);
        Assert.Equal("Compliance by requirement (%)", compliance.Title.Text);
        var requirements = SeriesOf(compliance);
        Assert.Equal(["This period", "Previous period"], requirements.Select(s => s.Name).ToArray());
        Assert.Equal([84d, 63d], Values(summary, requirements[0].Values));
        Assert.Equal([79d, null], Values(summary, requirements[1].Values));
        Assert.Equal(["Neglect basic awareness", "Neglect advanced practice"], Values(summary, requirements[0].Categories));

        var trend = Chart(summary, ReportWorkbook.TrendChart);
        Assert.Equal("People trained and compliance over the last four periods", trend.Title.Text);
        var periods = SeriesOf(trend);
        Assert.Equal([("barChart", "People trained"), ("lineChart", "Compliant (%)")], periods.Select(s => (s.Type, s.Name)).ToArray());
        Assert.Equal([1900d, 2210d, 2480d, 2745d], Values(summary, periods[0].Values));
        Assert.Equal([68d, 72d, 79d, 84d], Values(summary, periods[1].Values));
        Assert.Equal(["Oct 2024–Mar 2025", "Apr–Sep 2025", "Oct 2025–Mar 2026", "Apr–Sep 2026"], Values(summary, periods[1].Categories));
    }

    [Fact]
    public void Compliance_is_charted_without_a_previous_period_when_there_is_none_to_compare_with()
    {
        var figures = SampleFigures.ForAgency();
        using var package = Open(figures with { Compliance = figures.Compliance.Select(c => c with { PreviousPercentCompliant = null }).ToArray() });

        var compliance = Chart(package.Workbook.Worksheets[ReportWorkbook.SummarySheet], ReportWorkbook.ComplianceChart);
        Assert.Equal(["This period"], SeriesOf(compliance).Select(s => s.Name).ToArray());
    }

    [Fact]
    public void Charts_sit_right_of_the_summary_tables_and_do_not_overlap_each_other()
    {
        var figures = SampleFigures.ForPartnership();
        // Many requirements make the compliance table longer than its chart.
        using var package = Open(figures with
        {
            Compliance = Enumerable.Range(1, 25).Select(n => new RequirementCompliance($"Requirement {n}", n, 1, 1, 1, null)).ToArray(),
        });
        var summary = package.Workbook.Worksheets[ReportWorkbook.SummarySheet];
        var tableColumns = summary.Dimension.End.Column;

        var charts = summary.Drawings.OrderBy(d => d.From.Row).ToList();
        Assert.Equal(3, charts.Count);
        Assert.All(charts, chart => Assert.True(chart.From.Column >= tableColumns, $"{chart.Name} starts in column {chart.From.Column + 1}, over the tables"));
        for (var i = 1; i < charts.Count; i++)
        {
            Assert.True(charts[i].From.Row > charts[i - 1].To.Row, $"{charts[i].Name} overlaps {charts[i - 1].Name}");
        }
        // Each chart starts level with its table's heading.
        Assert.Equal("People trained by level", summary.Cells[charts[0].From.Row + 1, 1].Text);
        Assert.Equal("Compliance by requirement", summary.Cells[charts[1].From.Row + 1, 1].Text);
        Assert.Equal("The last four periods", summary.Cells[charts[2].From.Row + 1, 1].Text);
    }

    [Fact]
    public void A_partnership_workbook_lists_agencies_and_names_nobody_even_when_given_names()
    {
        var figures = SampleFigures.ForPartnership() with { People = [SampleFigures.Person(1), SampleFigures.Person(2)] };

        using var package = Open(figures);

        Assert.Equal([ReportWorkbook.SummarySheet, ReportWorkbook.TrainingByCourseSheet, ReportWorkbook.ComplianceSheet, ReportWorkbook.AttendanceSheet, ReportWorkbook.ChampionsSheet, ReportWorkbook.EvaluationSheet, ReportWorkbook.AgenciesSheet],
            package.Workbook.Worksheets.Select(s => s.Name).ToArray());
        Assert.Null(package.Workbook.Worksheets[ReportWorkbook.PeopleTrainedSheet]);
        var everything = package.Workbook.Worksheets.SelectMany(Texts).ToList();
        Assert.DoesNotContain(everything, text => text.Contains("Person 0") || text.Contains("H-1"));

        var agencies = package.Workbook.Worksheets[ReportWorkbook.AgenciesSheet];
        Assert.Equal(["Agency", "Sector", "Headcount", "Frontline headcount", "People trained", "Frontline people trained", "Compliant (%)", "Did not attend rate (%)"], Row(agencies, 4, 8));
        Assert.Equal([SampleFigures.Agency, "Health", "6,200", "4,100", "1,450", "1,210", "91", "9.8"], Row(agencies, 5, 8));
        Assert.Equal(["Northshire Police", "Police", "3,100", "2,900", "640", "610", "78", "14.2"], Row(agencies, 6, 8));
    }

    [Fact]
    public void An_agency_workbook_lists_the_people_it_trained_with_completion_dates_as_dates()
    {
        using var package = Open(SampleFigures.ForAgency(people: 3));

        Assert.Equal([ReportWorkbook.SummarySheet, ReportWorkbook.TrainingByCourseSheet, ReportWorkbook.ComplianceSheet, ReportWorkbook.AttendanceSheet, ReportWorkbook.ChampionsSheet, ReportWorkbook.EvaluationSheet, ReportWorkbook.PeopleTrainedSheet],
            package.Workbook.Worksheets.Select(s => s.Name).ToArray());
        var people = package.Workbook.Worksheets[ReportWorkbook.PeopleTrainedSheet];
        Assert.Equal(["Name", "Employee reference", "Team", "Frontline", "Course", "Level", "Completed on"], Row(people, 4, 7));
        Assert.Equal(["Person 00001", "H-1", "", "Yes", "Neglect: basic awareness", "Basic", "02/04/2026"], Row(people, 5, 7));
        Assert.Equal(["Person 00002", "H-2", "East", "Yes", "Neglect: basic awareness", "Basic", "03/04/2026"], Row(people, 6, 7));
        Assert.Equal(["Person 00003", "H-3", "", "No", "Neglect: basic awareness", "Basic", "04/04/2026"], Row(people, 7, 7));
        var completedOn = people.Cells[5, 7];
        Assert.IsType<double>(completedOn.Value);
        Assert.Equal(new DateTime(2026, 4, 2), completedOn.GetValue<DateTime>());
        Assert.Equal("dd/mm/yyyy", completedOn.Style.Numberformat.Format);
    }

    [Fact]
    public void The_partnership_champions_sheet_lists_each_agency_and_charts_their_champions_and_briefings()
    {
        using var package = Open(SampleFigures.ForPartnership());
        var sheet = package.Workbook.Worksheets[ReportWorkbook.ChampionsSheet];

        Assert.Equal(["Neglect champions at period end", "37"], Row(sheet, 5, 2));
        Assert.Equal(["People briefed in the period (each person once; names typed in each count)", "3,650"], Row(sheet, 7, 2));
        Assert.Equal(["Guides published in the period (partnership-wide; revisions not counted)", "4"], Row(sheet, 8, 2));
        Assert.Equal(["Agency", "Champions at period end", "Briefings", "People briefed"], Row(sheet, 11, 4));
        Assert.Equal([SampleFigures.Agency, "25", "300", "2,700"], Row(sheet, 12, 4));
        Assert.Equal(["Northshire Police", "12", "112", "980"], Row(sheet, 13, 4));
        var chart = Chart(sheet, ReportWorkbook.BriefingsByAgencyChart);
        var series = SeriesOf(chart);
        Assert.Equal(["Champions at period end", "Briefings"], series.Select(s => s.Name).ToArray());
        Assert.Equal([25d, 12d], Values(sheet, series[0].Values));
        Assert.Equal([300d, 112d], Values(sheet, series[1].Values));
        Assert.Equal([SampleFigures.Agency, "Northshire Police"], Values(sheet, series[1].Categories));
    }

    [Fact]
    public void An_agency_champions_sheet_has_its_own_figures_and_no_agency_lines()
    {
        using var package = Open(SampleFigures.ForAgency());
        var sheet = package.Workbook.Worksheets[ReportWorkbook.ChampionsSheet];

        Assert.Equal(["Briefings delivered in the period", "412"], Row(sheet, 6, 2));
        Assert.Empty(sheet.Drawings);
        Assert.Equal("", sheet.Cells[10, 1].Text);
    }

    [Fact]
    public void Training_by_course_lists_each_course_with_a_totals_row()
    {
        using var package = Open(SampleFigures.ForAgency());
        var sheet = package.Workbook.Worksheets[ReportWorkbook.TrainingByCourseSheet];

        Assert.Equal(["Course code", "Course", "Level", "Frontline", "Not frontline", "Total"], Row(sheet, 4, 6));
        Assert.Equal(["NEG-101", "Neglect: basic awareness", "Basic", "1,500", "320", "1,820"], Row(sheet, 5, 6));
        Assert.Equal(["GCP2-P", "Graded Care Profile 2 practitioner", "Specialist", "190", "0", "190"], Row(sheet, 7, 6));
        Assert.Equal(["Total", "", "", "2,330", "365", "2,695"], Row(sheet, 8, 6));
        Assert.True(sheet.Cells[8, 1].Style.Font.Bold);
    }

    [Fact]
    public void The_compliance_sheet_shows_each_status_the_percentage_compliant_and_the_change_since_the_previous_period()
    {
        using var package = Open(SampleFigures.ForAgency());
        var sheet = package.Workbook.Worksheets[ReportWorkbook.ComplianceSheet];

        Assert.Equal(["Requirement", "Met", "Due soon", "Expired", "Missing", "Total", "Compliant (%)", "Previous period (%)", "Change (points)"], Row(sheet, 4, 9));
        Assert.Equal(["Neglect basic awareness", "8,000", "400", "600", "1,000", "10,000", "84", "79", "+5"], Row(sheet, 5, 9));
        Assert.Equal(["Neglect advanced practice", "3,000", "150", "350", "1,500", "5,000", "63", "", ""], Row(sheet, 6, 9));
        Assert.Equal(84d, sheet.Cells[5, 7].GetValue<double>());
    }

    [Fact]
    public void The_attendance_sheet_shows_what_became_of_the_places_and_the_rates_as_percentages()
    {
        using var package = Open(SampleFigures.ForAgency());
        var sheet = package.Workbook.Worksheets[ReportWorkbook.AttendanceSheet];

        var lines = Enumerable.Range(5, 7).ToDictionary(r => sheet.Cells[r, 1].Text, r => sheet.Cells[r, 2].Text);
        Assert.Equal("1,600", lines["Bookings"]);
        Assert.Equal("1,260", lines["Attended"]);
        Assert.Equal("180", lines["Did not attend"]);
        Assert.Equal("72", lines["Late cancellations"]);
        Assert.Equal("88", lines["Cancelled"]);
        Assert.Equal("12.5", lines["Did not attend rate (%): of places that should have been used"]);
        Assert.Equal("4.5", lines["Late cancellation rate (%): of bookings"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_column_in_use_has_its_width_set(bool partnership)
    {
        using var package = Open(partnership ? SampleFigures.ForPartnership() : SampleFigures.ForAgency());

        foreach (var sheet in package.Workbook.Worksheets)
        {
            var lastColumn = sheet.Dimension.End.Column;
            for (var column = 1; column <= lastColumn; column++)
            {
                Assert.True(sheet.Column(column).Width != sheet.DefaultColWidth, $"{sheet.Name} column {column} has no width set");
            }
        }
    }

    [Fact]
    public void List_sheets_keep_their_headings_in_view_and_can_be_filtered()
    {
        using var package = Open(SampleFigures.ForAgency());

        foreach (var name in new[] { ReportWorkbook.TrainingByCourseSheet, ReportWorkbook.ComplianceSheet, ReportWorkbook.PeopleTrainedSheet })
        {
            var sheet = package.Workbook.Worksheets[name];
            Assert.True(sheet.Cells[4, 1].Style.Font.Bold, $"{name} headings are not bold");
            Assert.NotNull(sheet.AutoFilterAddress);
            Assert.Equal(4, sheet.AutoFilterAddress.Start.Row);
            Assert.Equal("4", FrozenRows(sheet));
        }
        Assert.Equal("4", FrozenRows(package.Workbook.Worksheets[ReportWorkbook.AttendanceSheet]));
        // The totals row stays out of the filter, so sorting never moves it among the courses.
        Assert.Equal(7, package.Workbook.Worksheets[ReportWorkbook.TrainingByCourseSheet].AutoFilterAddress.End.Row);
    }

    [Fact]
    public void The_workbook_properties_name_the_report_and_who_it_is_for()
    {
        using var package = Open(SampleFigures.ForPartnership());
        var properties = package.Workbook.Properties;

        Assert.Equal($"{SampleFigures.Partnership}: neglect training report, April to September 2026", properties.Title);
        Assert.Equal("Neglect training report, April to September 2026", properties.Subject);
        Assert.Equal(SampleFigures.Partnership, properties.Author);
    }

    [Fact]
    public void The_same_figures_give_the_same_sheets_cells_and_charts()
    {
        var figures = SampleFigures.ForAgency(people: 50);

        using var first = Open(figures);
        using var second = Open(figures);

        Assert.Equal(Snapshot(first), Snapshot(second));
    }

    [Fact]
    public void A_report_with_nothing_in_the_period_still_has_every_sheet_and_says_there_is_nothing()
    {
        var figures = new ReportFigures
        {
            PeriodStart = new DateOnly(2026, 4, 1),
            PeriodEnd = new DateOnly(2026, 9, 30),
            PeriodName = "April to September 2026",
            AgencyId = Guid.NewGuid(),
            Title = "A new agency",
        };

        using var package = Open(figures);

        Assert.Equal(7, package.Workbook.Worksheets.Count);
        Assert.Empty(package.Workbook.Worksheets[ReportWorkbook.SummarySheet].Drawings);
        Assert.Contains("Nobody trained in this period.", Texts(package.Workbook.Worksheets[ReportWorkbook.SummarySheet]));
        Assert.Equal("No completions in this period.", package.Workbook.Worksheets[ReportWorkbook.TrainingByCourseSheet].Cells[5, 1].Text);
        Assert.Equal("Nobody completed training in this period.", package.Workbook.Worksheets[ReportWorkbook.PeopleTrainedSheet].Cells[5, 1].Text);
    }

    private static ExcelPackage Open(ReportFigures figures) => new(new MemoryStream(Workbook.Write(figures)));

    /// <summary>The Summary's value cell for a headline figure, found by its label.</summary>
    private static ExcelRange Headline(ExcelWorksheet summary, string label)
    {
        for (var row = 6; row <= summary.Dimension.End.Row; row++)
        {
            if (summary.Cells[row, 1].Text == label)
            {
                return summary.Cells[row, 2];
            }
        }
        throw new Xunit.Sdk.XunitException($"No headline figure \"{label}\" on the Summary.");
    }

    private sealed record ChartSeries(string Type, string Name, string Values, string Categories);

    /// <summary>Every series across all the chart's types (bar, line), as the chart file itself holds them.</summary>
    private static List<ChartSeries> SeriesOf(ExcelChart chart) =>
        chart.ChartXml.SelectNodes("//*[local-name()='ser']")!.Cast<XmlNode>()
            .Select(ser => new ChartSeries(ser.ParentNode!.LocalName, Child(ser, "tx"), Child(ser, "val"), Child(ser, "cat")))
            .ToList();

    private static string Child(XmlNode node, string name) => node.SelectSingleNode($"*[local-name()='{name}']")?.InnerText ?? "";

    private static ExcelChart Chart(ExcelWorksheet sheet, string name) => (ExcelChart)sheet.Drawings[name];

    /// <summary>The values in a chart series' range ("'Summary'!$B$20:$B$23").</summary>
    private static object?[] Values(ExcelWorksheet sheet, string address)
    {
        var range = new ExcelAddress(address[(address.IndexOf('!') + 1)..]);
        return Enumerable.Range(range.Start.Row, range.Rows).Select(row => sheet.Cells[row, range.Start.Column].Value).ToArray();
    }

    private static string[] Row(ExcelWorksheet sheet, int row, int columns) =>
        Enumerable.Range(1, columns).Select(column => sheet.Cells[row, column].Text).ToArray();

    private static IEnumerable<string> Texts(ExcelWorksheet sheet) =>
        sheet.Dimension is null ? [] : sheet.Cells[sheet.Dimension.Address].Select(cell => cell.Text);

    private static string? FrozenRows(ExcelWorksheet sheet) =>
        sheet.WorksheetXml.SelectSingleNode("//*[local-name()='pane'][@state='frozen']")?.Attributes?["ySplit"]?.Value;

    private static List<string> Snapshot(ExcelPackage package) =>
        package.Workbook.Worksheets.SelectMany(sheet =>
                sheet.Cells[sheet.Dimension.Address].Select(cell => $"{sheet.Name}!{cell.Address}={cell.Value}|{cell.Style.Numberformat.Format}")
                    .Concat(sheet.Drawings.Select(d => $"{sheet.Name} chart {d.Name} {d.From.Row},{d.From.Column} {((ExcelChart)d).Title.Text}")))
            .ToList();
}

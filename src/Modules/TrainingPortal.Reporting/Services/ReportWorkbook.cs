using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;
using OfficeOpenXml.Style;
using TrainingPortal.Core;

namespace TrainingPortal.Reporting.Services;

/// <summary>
/// Writes a report's figures as an Excel workbook (EPPlus): a Summary sheet with the headline figures and three charts
/// drawn from small tables on the same sheet, then one detail sheet per topic (the partnership's Champions sheet charts
/// the agencies' briefings beside their table). The partnership's workbook has an
/// Agencies sheet and never names a person; an agency's has its People trained sheet instead.
/// Percentages are stored as the figures hold them (85 and 12.5, not 0.85), under headings ending "(%)".
/// </summary>
public sealed class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string SummarySheet = "Summary";
    public const string TrainingByCourseSheet = "Training by course";
    public const string ComplianceSheet = "Compliance";
    public const string AttendanceSheet = "Attendance";
    public const string ChampionsSheet = "Champions";
    public const string EvaluationSheet = "Evaluation";
    public const string AgenciesSheet = "Agencies";
    public const string PeopleTrainedSheet = "People trained";

    public const string TrainedByLevelChart = "TrainedByLevel";
    public const string ComplianceChart = "ComplianceByRequirement";
    public const string TrendChart = "Trend";
    public const string BriefingsByAgencyChart = "BriefingsByAgency";

    /// <summary>What a report archived before champion or evaluation figures were kept shows in their place.</summary>
    public const string NotRecorded = "Not recorded";

    /// <summary>What an agency's report shows in place of what fewer than five people said.</summary>
    public const string FewerThanFive = "Fewer than 5 responses";

    /// <summary>An average of nothing: nobody answered.</summary>
    public const string NoResponses = "No responses";

    private const int ListHeaderRow = 4;
    private const int ChartWidthPixels = 520;
    private const int ChartHeightPixels = 300;

    // EPPlus's default row is 15 points, 20 pixels: the rows a chart covers, plus one to spare.
    private const int ChartRows = ChartHeightPixels / 20 + 1;

    // Charts sit to the right of the Summary's tables, after a narrow gap column (zero-based for SetPosition).
    private const int ChartColumnIndex = 5;

    // The Summary's tables share columns A to D; E is the gap before the charts.
    private static readonly double[] SummaryWidths = [44, 18, 18, 14, 3];

    private static readonly ReportColumn[] HeadlineColumns = [new("Headline figures"), new("Number")];

    private static readonly ReportColumn[] CourseColumns =
    [
        new("Course code", 14), new("Course", 48), new("Level", 14),
        new("Frontline", 12, ReportSheet.Count), new("Not frontline", 14, ReportSheet.Count), new("Total", 12, ReportSheet.Count),
    ];

    private static readonly ReportColumn[] ComplianceColumns =
    [
        new("Requirement", 44), new("Met", 10, ReportSheet.Count), new("Due soon", 10, ReportSheet.Count),
        new("Expired", 10, ReportSheet.Count), new("Missing", 10, ReportSheet.Count), new("Total", 10, ReportSheet.Count),
        new("Compliant (%)", 15, ReportSheet.Percent), new("Previous period (%)", 20, ReportSheet.Percent),
        new("Change (points)", 16, ReportSheet.Change),
    ];

    private static readonly ReportColumn[] AttendanceColumns =
    [
        new("Places on sessions that started in the period", 48), new("Number", 14),
    ];

    private static readonly ReportColumn[] ChampionColumns =
    [
        new("Champions and briefings", 52), new("Number", 14),
    ];

    private static readonly ReportColumn[] AgencyChampionColumns =
    [
        new("Agency", 40), new("Champions at period end", 24, ReportSheet.Count), new("Briefings", 12, ReportSheet.Count),
        new("People briefed", 16, ReportSheet.Count),
    ];

    private static readonly ReportColumn[] EvaluationColumns =
    [
        new("Evaluation and impact", 56), new("Number", 24),
    ];

    private static readonly ReportColumn[] CourseEvaluationColumns =
    [
        new("Course", 56), new("Course code", 24), new("Asked", 10, ReportSheet.Count), new("Responses", 12, ReportSheet.Count),
        new("Response rate (%)", 18, ReportSheet.Rate), new("Average rating (1-5)", 20, ReportSheet.Average),
        new("Confidence before (1-5)", 23, ReportSheet.Average), new("Confidence after (1-5)", 22, ReportSheet.Average),
        new("Confidence change", 18, ReportSheet.Average),
    ];

    private static readonly ReportColumn[] AgencyColumns =
    [
        new("Agency", 40), new("Sector", 26), new("Headcount", 12, ReportSheet.Count),
        new("Frontline headcount", 20, ReportSheet.Count), new("People trained", 16, ReportSheet.Count),
        new("Frontline people trained", 24, ReportSheet.Count), new("Compliant (%)", 15, ReportSheet.Percent),
        new("Did not attend rate (%)", 22, ReportSheet.Rate),
    ];

    private static readonly ReportColumn[] PeopleColumns =
    [
        new("Name", 30), new("Employee reference", 20), new("Team", 26), new("Frontline", 11),
        new("Course", 44), new("Level", 14), new("Completed on", 14, ReportSheet.Date),
    ];

    /// <summary>The .xlsx file for one report: the same figures always give the same sheets, cells and charts.</summary>
    public byte[] Write(ReportFigures figures)
    {
        using var package = new ExcelPackage();
        var properties = package.Workbook.Properties;
        properties.Title = $"{figures.Title}: neglect training report, {figures.PeriodName}";
        properties.Subject = $"Neglect training report, {figures.PeriodName}";
        properties.Author = figures.Title;
        properties.Company = figures.Title;

        var sheets = package.Workbook.Worksheets;
        WriteSummary(sheets.Add(SummarySheet), figures);
        WriteTrainingByCourse(sheets.Add(TrainingByCourseSheet), figures);
        WriteCompliance(sheets.Add(ComplianceSheet), figures);
        WriteAttendance(sheets.Add(AttendanceSheet), figures);
        WriteChampions(sheets.Add(ChampionsSheet), figures);
        WriteEvaluation(sheets.Add(EvaluationSheet), figures);
        // The partnership's report goes beyond the training unit, so it lists agencies and never people.
        if (figures.AgencyId is null)
        {
            WriteAgencies(sheets.Add(AgenciesSheet), figures);
        }
        else
        {
            WritePeople(sheets.Add(PeopleTrainedSheet), figures);
        }
        return package.GetAsByteArray();
    }

    private static string Covers(ReportFigures figures) => $"{figures.Title}, {figures.PeriodName}";

    private static void WriteSummary(ExcelWorksheet sheet, ReportFigures figures)
    {
        ReportSheet.Title(sheet, $"{figures.Title}: neglect training report", figures.PeriodName);
        sheet.SetValue(3, 1, $"Figures as the data stood on {UkTime.FormatDate(figures.PeriodEnd)}");
        ReportSheet.Widths(sheet, SummaryWidths);
        ReportSheet.Header(sheet, 5, HeadlineColumns);
        List<(string Figure, object Value, string Format)> lines =
        [
            ("Headcount", figures.Headcount, ReportSheet.Count),
            ("Frontline headcount", figures.FrontlineHeadcount, ReportSheet.Count),
            ("People trained in the period", figures.PeopleTrained, ReportSheet.Count),
            ("Frontline people trained in the period", figures.FrontlinePeopleTrained, ReportSheet.Count),
            ("Did not attend rate (%)", figures.Attendance.DidNotAttendRate, ReportSheet.Rate),
            ("Late cancellation rate (%)", figures.Attendance.LateCancellationRate, ReportSheet.Rate),
            ("GCP2 licensed practitioners", figures.Gcp2Practitioners, ReportSheet.Count),
            ("GCP2 trainers", figures.Gcp2Trainers, ReportSheet.Count),
            ("Neglect champions at period end", (object?)figures.Champions?.ActiveChampions ?? NotRecorded, ReportSheet.Count),
            ("Briefings delivered in the period", (object?)figures.Champions?.Briefings ?? NotRecorded, ReportSheet.Count),
            ("People briefed in the period", (object?)figures.Champions?.PeopleBriefed ?? NotRecorded, ReportSheet.Count),
            ("Guides published in the period (partnership)", (object?)figures.Champions?.GuidesPublished ?? NotRecorded, ReportSheet.Count),
        ];
        lines.AddRange(EvaluationLines(figures.Evaluation));
        var row = 5;
        foreach (var (figure, value, format) in lines)
        {
            row++;
            sheet.SetValue(row, 1, figure);
            sheet.SetValue(row, 2, value);
            sheet.Cells[row, 2].Style.Numberformat.Format = format;
        }
        // Text such as "Not recorded" lines up with the numbers.
        sheet.Cells[6, 2, row, 2].Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;

        row = TrainedByLevelTable(sheet, row + 2, figures.TrainedByLevel);
        row = ComplianceTable(sheet, row + 2, figures.Compliance);
        TrendTable(sheet, row + 2, figures.Trend);
    }

    /// <summary>The last row taken by a table and the chart beside it: the next table starts below both.</summary>
    private static int BelowChart(int tableTop, int lastRow) => Math.Max(lastRow, tableTop + ChartRows);

    private static ExcelChart Chart(ExcelWorksheet sheet, string name, eChartType type, string title, int top)
    {
        var chart = sheet.Drawings.AddChart(name, type);
        chart.Title.Text = title;
        // The default 18-point title crowds a chart this size.
        chart.Title.Font.Size = 12;
        chart.SetPosition(top - 1, 0, ChartColumnIndex, 0);
        chart.SetSize(ChartWidthPixels, ChartHeightPixels);
        chart.Legend.Position = eLegendPosition.Bottom;
        return chart;
    }

    private static int TrainedByLevelTable(ExcelWorksheet sheet, int top, IReadOnlyList<TrainedByLevel> levels)
    {
        sheet.SetValue(top, 1, "People trained by level");
        ReportColumn[] columns =
        [
            new("Level"), new("Frontline", Format: ReportSheet.Count), new("Not frontline", Format: ReportSheet.Count), new("Total", Format: ReportSheet.Count),
        ];
        ReportSheet.Header(sheet, top + 1, columns);
        var row = top + 1;
        foreach (var level in levels)
        {
            row++;
            sheet.SetValue(row, 1, level.Level);
            sheet.SetValue(row, 2, level.Frontline);
            sheet.SetValue(row, 3, level.NotFrontline);
            sheet.SetValue(row, 4, level.Total);
        }
        ReportSheet.Formats(sheet, top + 2, row, columns);
        // A chart of nothing is an empty frame (and an invalid range): the table says there is nothing instead.
        if (levels.Count == 0)
        {
            sheet.SetValue(++row, 1, "Nobody trained in this period.");
            return row;
        }
        var chart = Chart(sheet, TrainedByLevelChart, eChartType.ColumnStacked, "People trained by level", top);
        var categories = sheet.Cells[top + 2, 1, row, 1];
        chart.Series.Add(sheet.Cells[top + 2, 2, row, 2], categories).Header = "Frontline";
        chart.Series.Add(sheet.Cells[top + 2, 3, row, 3], categories).Header = "Not frontline";
        return BelowChart(top, row);
    }

    private static int ComplianceTable(ExcelWorksheet sheet, int top, IReadOnlyList<RequirementCompliance> requirements)
    {
        sheet.SetValue(top, 1, "Compliance by requirement");
        ReportColumn[] columns =
        [
            new("Requirement"), new("Compliant (%)", Format: ReportSheet.Percent), new("Previous period (%)", Format: ReportSheet.Percent),
        ];
        ReportSheet.Header(sheet, top + 1, columns);
        var row = top + 1;
        foreach (var requirement in requirements)
        {
            row++;
            sheet.SetValue(row, 1, requirement.Requirement);
            sheet.SetValue(row, 2, requirement.PercentCompliant);
            sheet.SetValue(row, 3, requirement.PreviousPercentCompliant);
        }
        ReportSheet.Formats(sheet, top + 2, row, columns);
        if (requirements.Count == 0)
        {
            sheet.SetValue(++row, 1, "No requirements are set.");
            return row;
        }
        var chart = Chart(sheet, ComplianceChart, eChartType.ColumnClustered, "Compliance by requirement (%)", top);
        var categories = sheet.Cells[top + 2, 1, row, 1];
        chart.Series.Add(sheet.Cells[top + 2, 2, row, 2], categories).Header = "This period";
        if (requirements.Any(r => r.PreviousPercentCompliant is not null))
        {
            chart.Series.Add(sheet.Cells[top + 2, 3, row, 3], categories).Header = "Previous period";
        }
        chart.YAxis.MinValue = 0;
        chart.YAxis.MaxValue = 100;
        return BelowChart(top, row);
    }

    private static void TrendTable(ExcelWorksheet sheet, int top, IReadOnlyList<TrendPoint> trend)
    {
        sheet.SetValue(top, 1, "The last four periods");
        ReportColumn[] columns =
        [
            new("Period"), new("People trained", Format: ReportSheet.Count), new("Compliant (%)", Format: ReportSheet.Percent),
        ];
        ReportSheet.Header(sheet, top + 1, columns);
        var row = top + 1;
        foreach (var point in trend)
        {
            row++;
            sheet.SetValue(row, 1, point.Period);
            sheet.SetValue(row, 2, point.PeopleTrained);
            sheet.SetValue(row, 3, point.PercentCompliant);
        }
        ReportSheet.Formats(sheet, top + 2, row, columns);
        if (trend.Count == 0)
        {
            sheet.SetValue(++row, 1, "No periods to compare.");
            return;
        }
        // People trained as columns, compliance as a line on its own 0-100 axis: one chart, two scales.
        var chart = Chart(sheet, TrendChart, eChartType.ColumnClustered, "People trained and compliance over the last four periods", top);
        var categories = sheet.Cells[top + 2, 1, row, 1];
        chart.Series.Add(sheet.Cells[top + 2, 2, row, 2], categories).Header = "People trained";
        var line = chart.PlotArea.ChartTypes.Add(eChartType.LineMarkers);
        line.UseSecondaryAxis = true;
        line.Series.Add(sheet.Cells[top + 2, 3, row, 3], categories).Header = "Compliant (%)";
        line.YAxis.MinValue = 0;
        line.YAxis.MaxValue = 100;
    }

    private static void WriteTrainingByCourse(ExcelWorksheet sheet, ReportFigures figures)
    {
        ReportSheet.Title(sheet, "Training by course", $"{Covers(figures)}: completions in the period");
        ReportSheet.Header(sheet, ListHeaderRow, CourseColumns);
        ReportSheet.Widths(sheet, CourseColumns);
        var row = ListHeaderRow;
        foreach (var course in figures.TrainedByCourse)
        {
            row++;
            sheet.SetValue(row, 1, course.CourseCode);
            sheet.SetValue(row, 2, course.CourseTitle);
            sheet.SetValue(row, 3, course.Level);
            sheet.SetValue(row, 4, course.Frontline);
            sheet.SetValue(row, 5, course.NotFrontline);
            sheet.SetValue(row, 6, course.Total);
        }
        ReportSheet.List(sheet, ListHeaderRow, row, CourseColumns, "No completions in this period.");
        var total = Math.Max(row, ListHeaderRow + 1) + 1;
        sheet.SetValue(total, 1, "Total");
        sheet.SetValue(total, 4, figures.TrainedByCourse.Sum(c => c.Frontline));
        sheet.SetValue(total, 5, figures.TrainedByCourse.Sum(c => c.NotFrontline));
        sheet.SetValue(total, 6, figures.TrainedByCourse.Sum(c => c.Total));
        ReportSheet.Formats(sheet, total, total, CourseColumns);
        ReportSheet.Total(sheet, total, CourseColumns.Length);
    }

    private static void WriteCompliance(ExcelWorksheet sheet, ReportFigures figures)
    {
        ReportSheet.Title(sheet, "Compliance", $"{Covers(figures)}: current staff on {UkTime.FormatDate(figures.PeriodEnd)}; compliant means met or due soon");
        ReportSheet.Header(sheet, ListHeaderRow, ComplianceColumns);
        ReportSheet.Widths(sheet, ComplianceColumns);
        var row = ListHeaderRow;
        foreach (var requirement in figures.Compliance)
        {
            row++;
            sheet.SetValue(row, 1, requirement.Requirement);
            sheet.SetValue(row, 2, requirement.Met);
            sheet.SetValue(row, 3, requirement.DueSoon);
            sheet.SetValue(row, 4, requirement.Expired);
            sheet.SetValue(row, 5, requirement.Missing);
            sheet.SetValue(row, 6, requirement.Total);
            sheet.SetValue(row, 7, requirement.PercentCompliant);
            sheet.SetValue(row, 8, requirement.PreviousPercentCompliant);
            sheet.SetValue(row, 9, requirement.Change);
        }
        ReportSheet.List(sheet, ListHeaderRow, row, ComplianceColumns, "No requirements are set.");
    }

    private static void WriteAttendance(ExcelWorksheet sheet, ReportFigures figures)
    {
        ReportSheet.Title(sheet, "Attendance", $"{Covers(figures)}: places on sessions that started in the period");
        ReportSheet.Header(sheet, ListHeaderRow, AttendanceColumns);
        ReportSheet.Widths(sheet, AttendanceColumns);
        var attendance = figures.Attendance;
        (string Measure, object Value, string Format)[] lines =
        [
            ("Bookings", attendance.Bookings, ReportSheet.Count),
            ("Attended", attendance.Attended, ReportSheet.Count),
            ("Did not attend", attendance.DidNotAttend, ReportSheet.Count),
            ("Late cancellations", attendance.LateCancelled, ReportSheet.Count),
            ("Cancelled", attendance.Cancelled, ReportSheet.Count),
            ("Did not attend rate (%): of places that should have been used", attendance.DidNotAttendRate, ReportSheet.Rate),
            ("Late cancellation rate (%): of bookings", attendance.LateCancellationRate, ReportSheet.Rate),
        ];
        var row = ListHeaderRow;
        foreach (var (measure, value, format) in lines)
        {
            row++;
            sheet.SetValue(row, 1, measure);
            sheet.SetValue(row, 2, value);
            sheet.Cells[row, 2].Style.Numberformat.Format = format;
        }
        sheet.View.FreezePanes(ListHeaderRow + 1, 1);
    }

    private static void WriteChampions(ExcelWorksheet sheet, ReportFigures figures)
    {
        ReportSheet.Title(sheet, "Champions", $"{Covers(figures)}: champions on {UkTime.FormatDate(figures.PeriodEnd)}, briefings on seven-minute guides delivered in the period");
        ReportSheet.Header(sheet, ListHeaderRow, ChampionColumns);
        ReportSheet.Widths(sheet, [ChampionColumns[0].Width, Math.Max(ChampionColumns[1].Width, AgencyChampionColumns[1].Width), AgencyChampionColumns[2].Width, AgencyChampionColumns[3].Width]);
        sheet.View.FreezePanes(ListHeaderRow + 1, 1);
        if (figures.Champions is not { } champions)
        {
            sheet.SetValue(ListHeaderRow + 1, 1, "Champion figures were not recorded when this report was made.");
            return;
        }
        (string Measure, int Value)[] lines =
        [
            ("Neglect champions at period end", champions.ActiveChampions),
            ("Briefings delivered in the period", champions.Briefings),
            ("People briefed in the period (each person once; names typed in each count)", champions.PeopleBriefed),
            ("Guides published in the period (partnership-wide; revisions not counted)", champions.GuidesPublished),
        ];
        var row = ListHeaderRow;
        foreach (var (measure, value) in lines)
        {
            row++;
            sheet.SetValue(row, 1, measure);
            sheet.SetValue(row, 2, value);
        }
        sheet.Cells[ListHeaderRow + 1, 2, row, 2].Style.Numberformat.Format = ReportSheet.Count;
        if (figures.AgencyId is not null)
        {
            return;
        }

        // The partnership's figures count a person once; each agency's line counts its own, so the lines need not add up.
        var top = row + 2;
        sheet.SetValue(top, 1, "Each agency");
        ReportSheet.Header(sheet, top + 1, AgencyChampionColumns);
        row = top + 1;
        foreach (var agency in champions.Agencies)
        {
            row++;
            sheet.SetValue(row, 1, agency.Agency);
            sheet.SetValue(row, 2, agency.ActiveChampions);
            sheet.SetValue(row, 3, agency.Briefings);
            sheet.SetValue(row, 4, agency.PeopleBriefed);
        }
        ReportSheet.Formats(sheet, top + 2, row, AgencyChampionColumns);
        if (champions.Agencies.Count == 0)
        {
            sheet.SetValue(++row, 1, "No agencies reported.");
            return;
        }
        var chart = Chart(sheet, BriefingsByAgencyChart, eChartType.ColumnClustered, "Champions and briefings by agency", top);
        var categories = sheet.Cells[top + 2, 1, row, 1];
        chart.Series.Add(sheet.Cells[top + 2, 2, row, 2], categories).Header = "Champions at period end";
        chart.Series.Add(sheet.Cells[top + 2, 3, row, 3], categories).Header = "Briefings";
    }

    /// <summary>The evaluation headlines, shared by the Summary and the Evaluation sheet.</summary>
    private static List<(string Figure, object Value, string Format)> EvaluationLines(EvaluationFigures? evaluation)
    {
        if (evaluation is null)
        {
            return [.. new[] { "Completions asked to evaluate", "Evaluation responses", "Average confidence after training", "Follow-ups returned in the period" }
                .Select(label => (label, (object)NotRecorded, ReportSheet.Count))];
        }
        object Average(decimal? value) => value is { } v ? v : evaluation.Withheld ? FewerThanFive : NoResponses;
        return
        [
            ("Completions asked to evaluate", evaluation.Asked, ReportSheet.Count),
            ("Evaluation responses", evaluation.Responses, ReportSheet.Count),
            ("Evaluation response rate (%)", evaluation.ResponseRate, ReportSheet.Rate),
            ("Average rating (1 to 5)", Average(evaluation.AverageRating), ReportSheet.Average),
            ("Average confidence before training", Average(evaluation.ConfidenceBefore), ReportSheet.Average),
            ("Average confidence after training", Average(evaluation.ConfidenceAfter), ReportSheet.Average),
            ("Change in average confidence", Average(evaluation.ConfidenceChange), ReportSheet.Average),
            ("Follow-ups returned in the period", evaluation.FollowUpsReturned, ReportSheet.Count),
            ("Follow-ups reporting changed practice", (object?)evaluation.PracticeChanged ?? FewerThanFive, ReportSheet.Count),
            ("Follow-ups reporting changed practice (%)", (object?)evaluation.PracticeChangedShare ?? FewerThanFive, ReportSheet.Rate),
        ];
    }

    private static void WriteEvaluation(ExcelWorksheet sheet, ReportFigures figures)
    {
        ReportSheet.Title(sheet, "Evaluation", $"{Covers(figures)}: what practitioners said about training completed in the period, and follow-ups returned in it");
        ReportSheet.Header(sheet, ListHeaderRow, EvaluationColumns);
        ReportSheet.Widths(sheet, CourseEvaluationColumns);
        sheet.View.FreezePanes(ListHeaderRow + 1, 1);
        if (figures.Evaluation is not { } evaluation)
        {
            sheet.SetValue(ListHeaderRow + 1, 1, "Evaluation figures were not recorded when this report was made.");
            return;
        }
        var row = ListHeaderRow;
        foreach (var (measure, value, format) in EvaluationLines(evaluation))
        {
            row++;
            sheet.SetValue(row, 1, measure);
            sheet.SetValue(row, 2, value);
            sheet.Cells[row, 2].Style.Numberformat.Format = format;
        }
        sheet.Cells[ListHeaderRow + 1, 2, row, 2].Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;

        var top = row + 2;
        sheet.SetValue(top, 1, figures.AgencyId is null ? "Each course" : "Each course (no figures where fewer than 5 responded)");
        ReportSheet.Header(sheet, top + 1, CourseEvaluationColumns);
        row = top + 1;
        foreach (var course in evaluation.Courses)
        {
            row++;
            sheet.SetValue(row, 1, course.CourseTitle);
            sheet.SetValue(row, 2, course.CourseCode);
            sheet.SetValue(row, 3, course.Asked);
            if (course.Responses is not { } responses)
            {
                sheet.SetValue(row, 4, FewerThanFive);
                continue;
            }
            sheet.SetValue(row, 4, responses);
            sheet.SetValue(row, 5, course.ResponseRate);
            sheet.SetValue(row, 6, course.AverageRating);
            sheet.SetValue(row, 7, course.ConfidenceBefore);
            sheet.SetValue(row, 8, course.ConfidenceAfter);
            sheet.SetValue(row, 9, course.ConfidenceChange);
        }
        ReportSheet.Formats(sheet, top + 2, row, CourseEvaluationColumns);
        if (evaluation.Courses.Count == 0)
        {
            sheet.SetValue(++row, 1, "No training completed in this period was asked about.");
        }
    }

    private static void WriteAgencies(ExcelWorksheet sheet, ReportFigures figures)
    {
        // No totals row: a person working for two agencies is counted by both, so the sum would not be the partnership's figure.
        ReportSheet.Title(sheet, "Agencies", $"{Covers(figures)}: each agency's figures (the Summary has the partnership's own)");
        ReportSheet.Header(sheet, ListHeaderRow, AgencyColumns);
        ReportSheet.Widths(sheet, AgencyColumns);
        var row = ListHeaderRow;
        foreach (var agency in figures.Agencies)
        {
            row++;
            sheet.SetValue(row, 1, agency.Agency);
            sheet.SetValue(row, 2, agency.Sector);
            sheet.SetValue(row, 3, agency.Headcount);
            sheet.SetValue(row, 4, agency.FrontlineHeadcount);
            sheet.SetValue(row, 5, agency.PeopleTrained);
            sheet.SetValue(row, 6, agency.FrontlinePeopleTrained);
            sheet.SetValue(row, 7, agency.PercentCompliant);
            sheet.SetValue(row, 8, agency.DidNotAttendRate);
        }
        ReportSheet.List(sheet, ListHeaderRow, row, AgencyColumns, "No agencies reported.");
    }

    private static void WritePeople(ExcelWorksheet sheet, ReportFigures figures)
    {
        ReportSheet.Title(sheet, "People trained", $"{Covers(figures)}: staff who completed training in the period (personal data: keep it within the agency)");
        ReportSheet.Header(sheet, ListHeaderRow, PeopleColumns);
        ReportSheet.Widths(sheet, PeopleColumns);
        var row = ListHeaderRow;
        foreach (var person in figures.People)
        {
            row++;
            sheet.SetValue(row, 1, person.Name);
            sheet.SetValue(row, 2, person.EmployeeReference);
            sheet.SetValue(row, 3, person.Team);
            sheet.SetValue(row, 4, person.Frontline ? "Yes" : "No");
            sheet.SetValue(row, 5, person.CourseTitle);
            sheet.SetValue(row, 6, person.Level);
            sheet.SetValue(row, 7, person.CompletedOn.ToDateTime(TimeOnly.MinValue));
        }
        ReportSheet.List(sheet, ListHeaderRow, row, PeopleColumns, "Nobody completed training in this period.");
    }
}

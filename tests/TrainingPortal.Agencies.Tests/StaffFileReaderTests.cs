using System.Text;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Agencies.Tests;

public sealed class StaffFileReaderTests
{
    private static readonly string[] HeadingsWithManager = [.. StaffFiles.Headings, "Manager name", "Manager email"];

    private static StaffFile Read(string fileName, byte[] content)
    {
        var result = StaffFileReader.Read(fileName, content);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private static string Refused(string fileName, byte[] content)
    {
        var result = StaffFileReader.Read(fileName, content);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(StaffFileReader.FileField, error.Field);
        return error.Message;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void An_xlsx_and_a_csv_with_the_same_staff_read_as_the_same_rows()
    {
        // In the workbook, as Excel stores them: a numeric reference, real dates, a TRUE/FALSE cell and a blank row.
        var workbook = StaffFiles.Workbook(HeadingsWithManager,
        [
            [10045d, "Priya", "Shah", "Priya.Shah@health.example", "Health visiting", "Health visitor", "G2", true, new DateTime(2024, 9, 2), null, "Alex Morgan", "alex.morgan@health.example"],
            [null, null, null, null, null, null, null, null, null, null, null, null],
            ["H-2", "  Tom ", "O'Neil, Jr", null, null, "School nurse", "Group 3: Assesses neglect", false, new DateTime(2019, 1, 31), new DateTime(2026, 3, 31), null, null],
        ]);
        var csv = StaffFiles.Csv(HeadingsWithManager,
        [
            ["10045", "Priya", "Shah", "Priya.Shah@health.example", "Health visiting", "Health visitor", "G2", "yes", "2024-09-02", "", "Alex Morgan", "alex.morgan@health.example"],
            ["", "", "", "", "", "", "", "", "", "", "", ""],
            ["H-2", "  Tom ", "O'Neil, Jr", "", "", "School nurse", "Group 3: Assesses neglect", "no", "2019-01-31", "2026-03-31", "", ""],
        ]);

        var fromWorkbook = Read("staff.xlsx", workbook);
        var fromCsv = Read("staff.csv", Utf8(csv));

        Assert.Equal(fromCsv.Rows, fromWorkbook.Rows);
        Assert.Equal([2, 4], fromCsv.Rows.Select(r => r.RowNumber));
        Assert.Equal(new StaffFileRow(4, "H-2", "Tom", "O'Neil, Jr", null, null, "School nurse", "Group 3: Assesses neglect", "no", "2019-01-31", "2026-03-31", null, null), fromCsv.Rows[1]);
        Assert.True(fromWorkbook.HasManagerName && fromWorkbook.HasManagerEmail && fromCsv.HasManagerEmail);
    }

    [Fact]
    public void A_date_cell_stored_as_a_plain_number_is_read_as_an_Excel_date()
    {
        var workbook = StaffFiles.Workbook(StaffFiles.Headings, [["H-1", "Amy", "Cole", null, null, null, "G1", "no", 45537d, null]]);

        Assert.Equal("2024-09-02", Read("staff.xlsx", workbook).Rows[0].StartDate);
    }

    [Fact]
    public void Headings_match_in_any_order_ignoring_case_and_spaces_and_unknown_columns_are_ignored()
    {
        var csv = "LEAVING DATE,start date,frontline,WorkforceGroup,jobtitle,notes,team,E-mail address,LastName,first  name,employee reference\r\n"
            + ",01/02/2023,Y,g1,Nurse,ignored,East,a@b.example,Cole,Amy,R1\r\n";

        var row = Assert.Single(Read("Staff.CSV", Utf8(csv)).Rows);

        Assert.Equal(new StaffFileRow(2, "R1", "Amy", "Cole", "a@b.example", "East", "Nurse", "g1", "Y", "01/02/2023", null, null, null), row);
    }

    [Fact]
    public void Missing_required_headings_are_named()
    {
        var csv = "Employee reference,First name,Last name,Team,Job title,Frontline,Start date\r\nR1,Amy,Cole,East,Nurse,no,\r\n";

        Assert.Equal("The file is missing the columns ‘Email’, ‘Workforce group’ and ‘Leaving date’. The first row must have the headings from the template",
            Refused("staff.csv", Utf8(csv)));
    }

    [Fact]
    public void A_heading_given_twice_is_refused()
    {
        var csv = string.Join(',', StaffFiles.Headings) + ",email\r\n";

        Assert.Equal("The heading ‘Email’ appears more than once: keep one column for it", Refused("staff.csv", Utf8(csv)));
    }

    [Fact]
    public void Only_xlsx_and_csv_files_are_read()
    {
        Assert.Equal("The selected file must be an Excel workbook (.xlsx) or a CSV file (.csv)", Refused("staff.xls", [1, 2, 3]));
        Assert.Equal("The selected file must be an Excel workbook (.xlsx) or a CSV file (.csv)", Refused("staff.pdf", [1, 2, 3]));
    }

    [Fact]
    public void Empty_files_and_files_with_headings_but_no_staff_are_refused()
    {
        Assert.Equal("The selected file is empty", Refused("staff.csv", []));
        Assert.Equal("The selected file is empty", Refused("staff.csv", Utf8("\r\n,,\r\n")));
        Assert.Equal("The selected file is empty", Refused("staff.xlsx", StaffFiles.Workbook([], [])));
        Assert.Equal("The file has headings but no staff: add a row for each member of staff under the headings",
            Refused("staff.csv", Utf8(StaffFiles.Csv())));
    }

    [Fact]
    public void A_file_that_is_not_really_a_workbook_is_refused()
    {
        Assert.Equal("The file could not be read as an Excel workbook. Save it as .xlsx or .csv and upload it again",
            Refused("staff.xlsx", Utf8(StaffFiles.Csv(new StaffLine("R1")))));
    }

    [Theory]
    [InlineData("a web page renamed .xlsx")]
    [InlineData("an old .xls workbook renamed .xlsx")]
    [InlineData("half a workbook")]
    [InlineData("a zip with no workbook in it")]
    [InlineData("a workbook with a damaged sheet")]
    [InlineData("a workbook whose parts are zeros")]
    public void A_file_named_xlsx_that_is_not_a_workbook_is_refused_with_a_clear_message(string file)
    {
        var workbook = StaffFiles.Workbook(StaffFiles.Headings, [["H-1", "Amy", "Cole", null, null, null, "G1", "no", null, null]]);
        var content = file switch
        {
            "a web page renamed .xlsx" => Utf8("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
            "an old .xls workbook renamed .xlsx" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]],
            "half a workbook" => workbook[..(workbook.Length / 2)],
            "a zip with no workbook in it" => ZipFiles.Create(("readme.txt", "Staff list to follow")),
            "a workbook with a damaged sheet" => ZipFiles.WithPart(workbook, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\""),
            _ => ZipFiles.WithZeros(ZipFiles.WithZeros(workbook, "xl/workbook.xml", 1024), "xl/worksheets/sheet1.xml", 1024),
        };

        Assert.Equal("The file could not be read as an Excel workbook. Save it as .xlsx or .csv and upload it again", Refused("staff.xlsx", content));
    }

    [Fact]
    public void A_workbook_that_unzips_to_more_than_100_MB_is_refused_before_it_is_opened()
    {
        var workbook = StaffFiles.Workbook(StaffFiles.Headings, [["H-1", "Amy", "Cole", null, null, null, "G1", "no", null, null]]);
        var bomb = ZipFiles.WithZeros(workbook, "xl/media/image1.png", 200 * ZipFiles.Megabyte);

        Assert.True(bomb.Length < StaffImporter.MaxFileBytes, $"The zip bomb is {bomb.Length:N0} bytes");
        Assert.Equal("The file unzips to more than 100 MB, so it cannot be a staff list. Check you chose the right file, or save your staff list as a new .xlsx or .csv file and upload that",
            Refused("staff.xlsx", bomb));
    }

    [Fact]
    public void A_zip_that_understates_what_its_parts_unzip_to_is_only_unzipped_as_far_as_it_claims()
    {
        // The sheet is 200 MB of zeros, but the zip's directory claims every part is 1 KB; the parts' own headers (which
        // EPPlus reads) still say 200 MB. Only the claimed 1 KB is ever unzipped, and zeros are not a sheet.
        var workbook = StaffFiles.Workbook(StaffFiles.Headings, [["H-1", "Amy", "Cole", null, null, null, "G1", "no", null, null]]);
        var bomb = ZipFiles.UnderstatingSizes(ZipFiles.WithZeros(workbook, "xl/worksheets/sheet1.xml", 200 * ZipFiles.Megabyte), claimed: 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var message = Refused("staff.xlsx", bomb);

        Assert.Equal("The file could not be read as an Excel workbook. Save it as .xlsx or .csv and upload it again", message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50 * ZipFiles.Megabyte, "Reading the file allocated the sheet it claimed not to hold");
    }

    [Fact]
    public void A_part_that_unzips_to_over_100_times_its_size_is_refused_even_within_the_total()
    {
        var workbook = StaffFiles.Workbook(StaffFiles.Headings, [["H-1", "Amy", "Cole", null, null, null, "G1", "no", null, null]]);
        var packed = ZipFiles.WithZeros(workbook, "xl/media/image1.png", 50 * ZipFiles.Megabyte);

        Assert.Equal("Part of the file unzips to more than 100 times its size, so it cannot be a staff list. Check you chose the right file, or save your staff list as a new .xlsx or .csv file and upload that",
            Refused("staff.xlsx", packed));
    }

    [Fact]
    public void A_workbook_of_more_than_1000_parts_is_refused()
    {
        var workbook = StaffFiles.Workbook(StaffFiles.Headings, [["H-1", "Amy", "Cole", null, null, null, "G1", "no", null, null]]);

        Assert.Equal("The file is made of more than 1,000 parts, so it cannot be a staff list. Check you chose the right file, or save your staff list as a new .xlsx or .csv file and upload that",
            Refused("staff.xlsx", ZipFiles.WithParts(workbook, StaffImporter.MaxWorkbookEntries)));
        Assert.Single(Read("staff.xlsx", ZipFiles.WithParts(workbook, 100)).Rows);
    }

    [Fact]
    public void A_full_workbook_of_20000_staff_is_well_within_the_unzip_limits()
    {
        var rows = Enumerable.Range(1, StaffImporter.MaxRows).Select(i => (IReadOnlyList<object?>)
            [$"E{i:00000}", $"First{i % 997}", $"Last{i % 1999}", $"staff.member{i}@agency.example", $"Team {i % 40}", "Health visitor", "G2", "yes", new DateTime(2020, 1, 1).AddDays(i % 1000), null]);

        Assert.Equal(StaffImporter.MaxRows, Read("staff.xlsx", StaffFiles.Workbook(StaffFiles.Headings, rows)).Rows.Count);
    }

    [Fact]
    public void A_sheet_whose_used_range_reaches_row_a_million_is_read_without_visiting_every_empty_cell()
    {
        // One stray value in ZZ1000000 makes the used range 702 columns by a million rows: 700 million empty cells.
        var workbook = StaffFiles.Workbook(StaffFiles.Headings, [["H-1", "Amy", "Cole", null, null, null, "G1", "no", null, null]]);
        using var package = new OfficeOpenXml.ExcelPackage(new MemoryStream(workbook));
        package.Workbook.Worksheets["Staff"].Cells["ZZ1000000"].Value = "stray";
        var timer = System.Diagnostics.Stopwatch.StartNew();

        var rows = Read("staff.xlsx", package.GetAsByteArray()).Rows;

        Assert.Equal([2, 1_000_000], rows.Select(r => r.RowNumber));
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(30), $"Reading took {timer.Elapsed}");
    }

    [Fact]
    public void A_file_with_more_staff_than_the_limit_is_refused()
    {
        var lines = Enumerable.Range(1, StaffImporter.MaxRows + 1).Select(i => new StaffLine($"R{i}")).ToArray();

        Assert.Equal("The file has more than 20,000 rows of staff. Split it into smaller files", Refused("staff.csv", Utf8(StaffFiles.Csv(lines))));
        Assert.Equal(StaffImporter.MaxRows, Read("staff.csv", Utf8(StaffFiles.Csv(lines[..^1]))).Rows.Count);
    }

    [Fact]
    public void A_file_over_5_MB_is_refused()
    {
        Assert.Equal("The selected file must be smaller than 5 MB", Refused("staff.csv", new byte[StaffImporter.MaxFileBytes + 1]));
    }

    [Fact]
    public void A_quote_left_open_is_reported_as_a_file_problem()
    {
        Assert.Equal("The file could not be read: A value in quotes that starts on row 2 has no closing quote",
            Refused("staff.csv", Utf8(string.Join(',', StaffFiles.Headings) + "\r\n\"R1,Amy\r\n")));
    }
}

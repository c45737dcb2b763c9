using System.Globalization;
using OfficeOpenXml;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Services;

/// <summary>The columns of a staff file, in the template's order.</summary>
public enum StaffColumn
{
    EmployeeReference,
    FirstName,
    LastName,
    Email,
    Team,
    JobTitle,
    WorkforceGroup,
    Frontline,
    StartDate,
    LeavingDate,
    ManagerName,
    ManagerEmail,
}

/// <summary>A column's heading in the template, whether a file must have it, and other headings that mean the same.</summary>
public sealed record StaffFileColumn(StaffColumn Column, string Header, bool Required, params string[] Aliases);

/// <summary>
/// One row of a staff file as text, trimmed, blank cells as null. Dates from Excel date cells arrive as yyyy-mm-dd;
/// <see cref="RowNumber"/> is the row the person sees in their spreadsheet (the headings are row 1).
/// </summary>
public sealed record StaffFileRow(
    int RowNumber, string? EmployeeReference, string? FirstName, string? LastName, string? Email, string? Team, string? JobTitle,
    string? WorkforceGroup, string? Frontline, string? StartDate, string? LeavingDate, string? ManagerName, string? ManagerEmail);

/// <summary>A staff file read into rows. The optional manager columns are only applied when the file has them.</summary>
public sealed record StaffFile(IReadOnlyList<StaffFileRow> Rows, bool HasManagerName, bool HasManagerEmail);

/// <summary>
/// Reads an uploaded staff file (.xlsx through EPPlus, .csv through <see cref="CsvParser"/>) into rows, refusing a
/// file that cannot be a staff list: the wrong type, empty, too big or too long, a workbook that unzips to more than
/// the limits on <see cref="StaffImporter"/> allow (checked by <see cref="WorkbookArchive"/> before EPPlus opens it), or
/// missing required headings.
/// Headings are matched ignoring case and spaces; columns it does not know are ignored; blank rows are skipped.
/// It checks the shape of the file only: what the cells say is checked by <see cref="StaffImporter"/>.
/// </summary>
public static class StaffFileReader
{
    /// <summary>The field that file errors are reported against (the upload control).</summary>
    public const string FileField = "Upload";

    public static IReadOnlyList<StaffFileColumn> Columns { get; } =
    [
        new(StaffColumn.EmployeeReference, "Employee reference", true, "employeeref", "employeenumber", "staffnumber"),
        new(StaffColumn.FirstName, "First name", true, "forename"),
        new(StaffColumn.LastName, "Last name", true, "surname"),
        new(StaffColumn.Email, "Email", true, "emailaddress", "workemail", "workemailaddress"),
        new(StaffColumn.Team, "Team", true),
        new(StaffColumn.JobTitle, "Job title", true, "role"),
        new(StaffColumn.WorkforceGroup, "Workforce group", true, "workforcegroupcode", "group"),
        new(StaffColumn.Frontline, "Frontline", true, "frontlinepractitioner"),
        new(StaffColumn.StartDate, "Start date", true),
        new(StaffColumn.LeavingDate, "Leaving date", true, "enddate", "leavedate"),
        new(StaffColumn.ManagerName, "Manager name", false, "linemanager", "linemanagername", "managersname"),
        new(StaffColumn.ManagerEmail, "Manager email", false, "linemanageremail", "manageremailaddress", "managersemail"),
    ];

    public static string HeaderOf(StaffColumn column) => Columns[(int)column].Header;

    /// <summary>True for a file name this reader understands (.xlsx or .csv).</summary>
    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".csv";

    /// <summary>Reads the whole file. Failures name the field <see cref="FileField"/> and say what to change.</summary>
    public static OperationResult<StaffFile> Read(string fileName, byte[] content)
    {
        if (!IsSupported(fileName))
        {
            return Failed("The selected file must be an Excel workbook (.xlsx) or a CSV file (.csv)");
        }
        if (content.Length == 0)
        {
            return Failed("The selected file is empty");
        }
        if (content.Length > StaffImporter.MaxFileBytes)
        {
            return Failed($"The selected file must be smaller than {StaffImporter.MaxFileBytes / 1024 / 1024} MB");
        }
        return Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(content) : ReadWorkbook(content);
    }

    private static OperationResult<StaffFile> ReadCsv(byte[] content)
    {
        var parsed = CsvParser.Parse(CsvParser.Decode(content));
        if (!parsed.Succeeded)
        {
            return Failed($"The file could not be read: {parsed.Errors[0].Message}");
        }
        var records = parsed.Value!;
        if (records.Count == 0 || records.All(r => r.IsBlank))
        {
            return Failed("The selected file is empty");
        }
        return Build(records[0].Fields, records.Skip(1).Where(r => !r.IsBlank).Select(r => (r.Number, (Func<int, string?>)(i => i < r.Fields.Count ? r.Fields[i] : null))));
    }

    private static OperationResult<StaffFile> ReadWorkbook(byte[] content)
    {
        var unpacked = WorkbookArchive.Unpack(content);
        if (!unpacked.Succeeded)
        {
            return OperationResult<StaffFile>.Failed(unpacked.Errors);
        }
        try
        {
            using var package = new ExcelPackage(new MemoryStream(unpacked.Value!));
            return ReadSheet(package);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything that is not a readable workbook (a renamed file, a damaged sheet, parts missing) fails in many ways, some only as the cells are read.
            return Failed(WorkbookArchive.NotAWorkbook);
        }
    }

    private static OperationResult<StaffFile> ReadSheet(ExcelPackage package)
    {
        var sheet = package.Workbook.Worksheets.FirstOrDefault(s => s.Name.Equals("Staff", StringComparison.OrdinalIgnoreCase))
            ?? package.Workbook.Worksheets.FirstOrDefault();
        if (sheet?.Dimension is null)
        {
            return Failed("The selected file is empty");
        }
        var lastColumn = sheet.Dimension.End.Column;
        var headers = Enumerable.Range(1, lastColumn).Select(c => Text(sheet.GetValue(1, c), isDate: false)).ToList();
        var dateColumns = new HashSet<int>();
        for (var c = 0; c < headers.Count; c++)
        {
            if (Match(headers[c]) is StaffColumn.StartDate or StaffColumn.LeavingDate)
            {
                dateColumns.Add(c);
            }
        }
        var rows = FilledRows(sheet)
            .Select(r => (Number: r, Cell: (Func<int, string?>)(i => i < lastColumn ? Text(sheet.GetValue(r, i + 1), dateColumns.Contains(i)) : null)));
        return Build(headers, rows);
    }

    /// <summary>
    /// The rows below the headings that hold a value. Only the cells the sheet stores are visited (EPPlus walks them row
    /// by row), because a sheet's used range can span a million empty rows and thousands of columns.
    /// </summary>
    private static IEnumerable<int> FilledRows(ExcelWorksheet sheet)
    {
        var end = sheet.Dimension.End;
        if (end.Row < 2)
        {
            yield break;
        }
        var last = 0;
        foreach (var cell in sheet.Cells[2, 1, end.Row, end.Column])
        {
            if (cell.Value is not null && cell.Start.Row != last)
            {
                last = cell.Start.Row;
                yield return last;
            }
        }
    }

    /// <summary>Maps the headings to columns and reads each row's cells; stops once the file is over the row limit.</summary>
    private static OperationResult<StaffFile> Build(IReadOnlyList<string?> headers, IEnumerable<(int Number, Func<int, string?> Cell)> rows)
    {
        var positions = new Dictionary<StaffColumn, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (Match(headers[i]) is not { } column)
            {
                continue;
            }
            if (!positions.TryAdd(column, i))
            {
                return Failed($"The heading ‘{HeaderOf(column)}’ appears more than once: keep one column for it");
            }
        }
        var missing = Columns.Where(c => c.Required && !positions.ContainsKey(c.Column)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            var names = missing.Count == 1 ? $"‘{missing[0]}’" : string.Join(", ", missing.SkipLast(1).Select(m => $"‘{m}’")) + $" and ‘{missing[^1]}’";
            return Failed($"The file is missing the {(missing.Count == 1 ? "column" : "columns")} {names}. The first row must have the headings from the template");
        }
        var result = new List<StaffFileRow>();
        foreach (var (number, cell) in rows)
        {
            if (result.Count == StaffImporter.MaxRows)
            {
                return Failed($"The file has more than {StaffImporter.MaxRows:N0} rows of staff. Split it into smaller files");
            }
            string? Get(StaffColumn column) => positions.TryGetValue(column, out var i) ? Clean(cell(i)) : null;
            result.Add(new StaffFileRow(number,
                Get(StaffColumn.EmployeeReference), Get(StaffColumn.FirstName), Get(StaffColumn.LastName), Get(StaffColumn.Email),
                Get(StaffColumn.Team), Get(StaffColumn.JobTitle), Get(StaffColumn.WorkforceGroup), Get(StaffColumn.Frontline),
                Get(StaffColumn.StartDate), Get(StaffColumn.LeavingDate), Get(StaffColumn.ManagerName), Get(StaffColumn.ManagerEmail)));
        }
        if (result.Count == 0)
        {
            return Failed("The file has headings but no staff: add a row for each member of staff under the headings");
        }
        return OperationResult<StaffFile>.Ok(new StaffFile(result, positions.ContainsKey(StaffColumn.ManagerName), positions.ContainsKey(StaffColumn.ManagerEmail)));
    }

    /// <summary>The column a heading names: compared in lower case with spaces, underscores, hyphens and apostrophes left out.</summary>
    internal static StaffColumn? Match(string? header)
    {
        if (header is null)
        {
            return null;
        }
        var key = new string(header.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '\'' or '’')).ToArray()).ToLowerInvariant();
        foreach (var column in Columns)
        {
            if (key == column.Header.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() || column.Aliases.Contains(key))
            {
                return column.Column;
            }
        }
        return null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A cell's value as text. Dates become yyyy-mm-dd; a number in a date column is an Excel date serial.</summary>
    private static string? Text(object? value, bool isDate) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when isDate && n is >= 1 and < 2958466 => DateTime.FromOADate(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static OperationResult<StaffFile> Failed(string message) => OperationResult<StaffFile>.Failed(FileField, message);
}

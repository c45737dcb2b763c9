using System.Text;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Staff files to fill in: an Excel workbook with the headings, an example row and a second sheet listing the
/// workforce group codes and the agency's teams; and a CSV file with the headings and the example row.
/// </summary>
public sealed class StaffImportTemplate(PortalDbContext db, AgencyScope scope)
{
    public const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv";

    /// <summary>The example row's employee reference; the importer refuses a row with it, in case the example is left in.</summary>
    public const string ExampleReference = "EXAMPLE";

    private static readonly double[] Widths = [20, 16, 16, 32, 24, 24, 18, 12, 14, 14, 22, 32];

    /// <summary>The workbook, or null when the agency is not there or not the user's.</summary>
    public async Task<byte[]?> WorkbookAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var lists = await ListsAsync(agencyId, cancellationToken);
        if (lists is null)
        {
            return null;
        }
        var (groups, teams) = lists.Value;
        using var package = new ExcelPackage();
        var staff = package.Workbook.Worksheets.Add("Staff");
        var columns = StaffFileReader.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            staff.Cells[1, c + 1].Value = columns[c].Header;
            // Set by hand: AutoFitColumns needs GDI+, which Linux servers do not have.
            staff.Column(c + 1).Width = Widths[c];
        }
        using (var header = staff.Cells[1, 1, 1, columns.Count])
        {
            header.Style.Font.Bold = true;
            header.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        }
        var example = Example(groups, teams);
        for (var c = 0; c < example.Count; c++)
        {
            staff.Cells[2, c + 1].Value = example[c];
        }
        const int lastRow = StaffImporter.MaxRows + 1;
        // References stay text (leading zeros survive); dates show the UK way.
        staff.Cells[2, Column(StaffColumn.EmployeeReference), lastRow, Column(StaffColumn.EmployeeReference)].Style.Numberformat.Format = "@";
        staff.Cells[2, Column(StaffColumn.StartDate), lastRow, Column(StaffColumn.LeavingDate)].Style.Numberformat.Format = "dd/mm/yyyy";
        staff.View.FreezePanes(2, 1);

        var listSheet = package.Workbook.Worksheets.Add("Lists");
        listSheet.Cells[1, 1].Value = "Workforce group code";
        listSheet.Cells[1, 2].Value = "Workforce group";
        listSheet.Cells[1, 4].Value = "Teams in this agency";
        listSheet.Cells[1, 1, 1, 4].Style.Font.Bold = true;
        listSheet.Column(1).Width = 22;
        listSheet.Column(2).Width = 50;
        listSheet.Column(3).Width = 4;
        listSheet.Column(4).Width = 40;
        for (var i = 0; i < groups.Count; i++)
        {
            listSheet.Cells[i + 2, 1].Value = groups[i].Code;
            listSheet.Cells[i + 2, 2].Value = groups[i].Name;
        }
        for (var i = 0; i < teams.Count; i++)
        {
            listSheet.Cells[i + 2, 4].Value = teams[i];
        }
        if (teams.Count == 0)
        {
            listSheet.Cells[2, 4].Value = "No teams yet: a team named in the file is added";
        }
        if (groups.Count > 0)
        {
            // Through a name: a list on another sheet is only valid in a drop-down that way in every version of Excel.
            package.Workbook.Names.Add("WorkforceGroupCodes", listSheet.Cells[2, 1, groups.Count + 1, 1]);
            var groupColumn = staff.Cells[2, Column(StaffColumn.WorkforceGroup), lastRow, Column(StaffColumn.WorkforceGroup)].Address;
            var groupList = staff.DataValidations.AddListValidation(groupColumn);
            groupList.Formula.ExcelFormula = "WorkforceGroupCodes";
            groupList.AllowBlank = true;
            // Names of groups are accepted too, so a name typed in is not refused by the drop-down.
            groupList.ShowErrorMessage = false;
        }
        var frontlineColumn = staff.Cells[2, Column(StaffColumn.Frontline), lastRow, Column(StaffColumn.Frontline)].Address;
        var yesNo = staff.DataValidations.AddListValidation(frontlineColumn);
        yesNo.Formula.Values.Add("yes");
        yesNo.Formula.Values.Add("no");
        yesNo.AllowBlank = true;
        return package.GetAsByteArray();
    }

    /// <summary>The CSV template (UTF-8 with a byte order mark, so that Excel reads names with accents), or null when the agency is not the user's.</summary>
    public async Task<byte[]?> CsvAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var lists = await ListsAsync(agencyId, cancellationToken);
        if (lists is null)
        {
            return null;
        }
        var example = Example(lists.Value.Groups, lists.Value.Teams)
            .Select(value => value is DateTime date ? date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : value as string);
        var text = new StringBuilder()
            .Append(string.Join(',', StaffFileReader.Columns.Select(c => CsvParser.Quote(c.Header)))).Append("\r\n")
            .Append(string.Join(',', example.Select(CsvParser.Quote))).Append("\r\n")
            .ToString();
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    private async Task<(IReadOnlyList<(string Code, string Name)> Groups, IReadOnlyList<string> Teams)?> ListsAsync(Guid agencyId, CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken) || !await db.Set<Agency>().AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            return null;
        }
        var groups = await db.Set<WorkforceGroup>().AsNoTracking().OrderBy(g => g.Order).ThenBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(cancellationToken);
        var teams = await db.Set<Team>().AsNoTracking().Where(t => t.AgencyId == agencyId).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
        return (groups.Select(g => (g.Code, g.Name)).ToList(), teams);
    }

    private static List<object?> Example(IReadOnlyList<(string Code, string Name)> groups, IReadOnlyList<string> teams) =>
    [
        ExampleReference, "Sam", "Taylor", "sam.taylor@example.org", teams.Count > 0 ? teams[0] : "Health visiting", "Health visitor",
        groups.Count > 0 ? groups[Math.Min(1, groups.Count - 1)].Code : "G2", "yes", new DateTime(2024, 9, 2), null, "Alex Morgan", "alex.morgan@example.org",
    ];

    private static int Column(StaffColumn column) => (int)column + 1;
}

using OfficeOpenXml;
using OfficeOpenXml.Style;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Champions.Services;

/// <summary>
/// The champion register of one agency (its lead or the training unit) or of the partnership (the training unit) as an
/// Excel workbook, every entry with where its latest spell stands. Each export is recorded in the audit trail (personal
/// data). Column widths are set by hand: AutoFit needs GDI+, absent on Linux.
/// </summary>
public sealed class ChampionExport(ChampionRegister register, PortalDbContext db, AuditTrail audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One agency's register, or the whole partnership's when <paramref name="agencyId"/> is null.</summary>
    public async Task<(Access Access, byte[]? Workbook, string? FileName)> WorkbookAsync(Guid? agencyId, CancellationToken cancellationToken = default)
    {
        var access = agencyId is { } id ? await register.AgencyAccessAsync(id, cancellationToken) : register.SeesAllAgencies ? Access.Allowed : Access.Forbidden;
        if (access != Access.Allowed)
        {
            return (access, null, null);
        }
        var title = agencyId is { } agency ? (await register.AgencyNameAsync(agency, cancellationToken))! : "Partnership";
        var today = register.Today;

        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Champions");
        sheet.Cells[1, 1].Value = $"Neglect champion register: {title}";
        sheet.Cells[1, 1].Style.Font.Bold = true;
        sheet.Cells[1, 1].Style.Font.Size = 14;
        sheet.Cells[2, 1].Value = $"As at {UkTime.FormatDate(today)}. Advanced training: a current Advanced or Specialist level record (the champion induction counts).";
        const int headerRow = 4;
        (string Header, double Width)[] columns =
        [
            ("Agency", 34), ("Name", 28), ("Area of interest", 34), ("Status", 16), ("Start date", 14), ("End date", 14), ("Advanced training", 18), ("Account", 12),
        ];
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cells[headerRow, c + 1].Value = columns[c].Header;
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        using (var header = sheet.Cells[headerRow, 1, headerRow, columns.Length])
        {
            header.Style.Font.Bold = true;
            header.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        }
        var row = headerRow;
        await foreach (var line in register.AllLinesAsync(agencyId).WithCancellation(cancellationToken))
        {
            row++;
            sheet.Cells[row, 1].Value = line.AgencyName;
            sheet.Cells[row, 2].Value = line.Name;
            sheet.Cells[row, 3].Value = line.AreaOfInterest;
            sheet.Cells[row, 4].Value = StatusText(line.Status);
            sheet.Cells[row, 5].Value = UkTime.FormatDate(line.StartDate);
            sheet.Cells[row, 6].Value = line.EndDate is { } end ? UkTime.FormatDate(end) : null;
            sheet.Cells[row, 7].Value = line.MissingAdvancedTraining ? "Missing" : "Current";
            sheet.Cells[row, 8].Value = line.HasAccount ? "Yes" : "No";
        }
        var entries = row - headerRow;
        if (entries == 0)
        {
            sheet.Cells[headerRow + 1, 1].Value = "Nobody is on the register yet.";
        }
        else
        {
            sheet.Cells[headerRow, 1, row, columns.Length].AutoFilter = true;
        }
        sheet.View.FreezePanes(headerRow + 1, 1);

        audit.Record("Champion register exported", agencyId is null ? "Partnership" : "Agency", agencyId?.ToString() ?? "partnership", $"{entries} entries");
        await db.SaveChangesAsync(cancellationToken);
        var fileName = $"champions-{FileNames.Slug(title, "agency")}-{today:yyyy-MM-dd}.xlsx";
        return (Access.Allowed, package.GetAsByteArray(), fileName);
    }

    /// <summary>A spell's status in words, for pages and workbooks.</summary>
    public static string StatusText(SpellStatus status) => status switch
    {
        SpellStatus.Nominated => "Nominated",
        SpellStatus.Declined => "Declined",
        SpellStatus.Active => "Active",
        SpellStatus.Lapsed => "Lapsed",
        SpellStatus.SteppedDown => "Stepped down",
        _ => status.ToString(),
    };
}

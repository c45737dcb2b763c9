using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Compliance.Services;

/// <summary>
/// The lead's current view of their staff as an Excel workbook (EPPlus): who, and their status per requirement, with the
/// filters that produced it written above the table. Every export is recorded in the audit trail (personal data).
/// Column widths are set by hand: AutoFit needs GDI+, absent on Linux.
/// </summary>
public sealed class ComplianceExport(ComplianceCalculator calculator, ComplianceDashboard dashboard, AgencyScope scope, AgencyDirectory directory, WorkforceGroups groups, PortalDbContext db, AuditTrail audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook, or null when the agency is not the user's to see (checked before anything is read).</summary>
    public async Task<(Access Access, byte[]? Workbook, string? FileName)> WorkbookAsync(Guid agencyId, ComplianceFilter filter, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null, null);
        }
        var agencyName = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        if (agencyName is null)
        {
            return (Access.NotFound, null, null);
        }
        var today = calculator.Today;
        var requirements = await calculator.RequirementsAsync(cancellationToken);
        var filters = Describe(filter, await directory.TeamsAsync(agencyId, cancellationToken), await groups.LookupAsync(cancellationToken), requirements);

        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Compliance");
        sheet.Cells[1, 1].Value = $"Neglect training compliance: {agencyName}";
        sheet.Cells[1, 1].Style.Font.Bold = true;
        sheet.Cells[1, 1].Style.Font.Size = 14;
        sheet.Cells[2, 1].Value = $"Current staff as at {UkTime.FormatDate(today)}; due soon means expiring within {await calculator.DueSoonDaysAsync(cancellationToken)} days";
        sheet.Cells[3, 1].Value = $"Filters: {filters}";
        const int headerRow = 5;
        var columns = new List<(string Header, double Width)>
        {
            ("Name", 28), ("Email", 34), ("Employee reference", 20), ("Team", 24), ("Job title", 28), ("Workforce group", 30),
        };
        columns.AddRange(requirements.Select(r => (r.Name, Math.Max(14.0, r.Name.Length + 2))));
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cells[headerRow, c + 1].Value = columns[c].Header;
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        using (var header = sheet.Cells[headerRow, 1, headerRow, columns.Count])
        {
            header.Style.Font.Bold = true;
            header.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        }

        var row = headerRow;
        await foreach (var person in dashboard.AllAsync(agencyId, filter, cancellationToken))
        {
            row++;
            sheet.Cells[row, 1].Value = person.Name;
            sheet.Cells[row, 2].Value = person.Email;
            sheet.Cells[row, 3].Value = person.EmployeeReference;
            sheet.Cells[row, 4].Value = person.Team;
            sheet.Cells[row, 5].Value = person.JobTitle;
            sheet.Cells[row, 6].Value = person.WorkforceGroup;
            for (var r = 0; r < requirements.Count; r++)
            {
                sheet.Cells[row, 7 + r].Value = person.StatusOf(requirements[r].Id) is { } status ? ComplianceRules.Text(status) : "Not needed";
            }
        }
        var people = row - headerRow;
        if (people == 0)
        {
            sheet.Cells[headerRow + 1, 1].Value = "Nobody matches these filters.";
        }
        else
        {
            sheet.Cells[headerRow, 1, row, columns.Count].AutoFilter = true;
        }
        sheet.View.FreezePanes(headerRow + 1, 2);

        audit.Record("Compliance exported", "Agency", agencyId, $"{people} people; filters: {filters}");
        await db.SaveChangesAsync(cancellationToken);
        var fileName = $"compliance-{FileNames.Slug(agencyName, "agency")}-{today:yyyy-MM-dd}.xlsx";
        return (Access.Allowed, package.GetAsByteArray(), fileName);
    }

    /// <summary>"Team: East; Status: Missing" for the filters in force, in words, for the page and the sheet.</summary>
    public static string Describe(ComplianceFilter filter, IReadOnlyList<LookupItem<Guid>> teams, IReadOnlyList<LookupItem<int>> groups, IReadOnlyList<RequirementSummary> requirements)
    {
        var parts = new List<string>();
        if (filter.Search is { } search) parts.Add($"Name, email or reference: {search}");
        if (filter.TeamId is { } team) parts.Add($"Team: {teams.FirstOrDefault(t => t.Id == team)?.Name ?? "unknown"}");
        if (filter.WorkforceGroupId is { } group) parts.Add($"Workforce group: {groups.FirstOrDefault(g => g.Id == group)?.Name ?? "unknown"}");
        if (filter.RequirementId is { } requirement) parts.Add($"Requirement: {requirements.FirstOrDefault(r => r.Id == requirement)?.Name ?? "unknown"}");
        if (filter.Status is { } status) parts.Add($"Status: {ComplianceRules.Text(status)}");
        return parts.Count == 0 ? "none (all current staff)" : string.Join("; ", parts);
    }
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Reporting.Domain;

namespace TrainingPortal.Reporting.Services;

/// <summary>A report in the archive, without its figures or workbook.</summary>
public sealed record ArchivedReport(Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, Guid? AgencyId, string Title, DateTime GeneratedAt, string FileName)
{
    public bool IsPartnership => AgencyId is null;

    public ReportingPeriod Period => new(PeriodStart, PeriodEnd);
}

/// <summary>The reports of one period that the user may see: the partnership's first, then the agencies' by name.</summary>
public sealed record ArchivedPeriod(ReportingPeriod Period, IReadOnlyList<ArchivedReport> Reports);

/// <summary>A report with its figures, for the page.</summary>
public sealed record ReportDocument(ArchivedReport Report, ReportFigures Figures);

/// <summary>A report's workbook, for download.</summary>
public sealed record ReportFile(string FileName, byte[] Content);

/// <summary>
/// The bi-annual reports kept for each period, as the current user may see them: the training unit and administrators
/// every report; a safeguarding lead the reports of the agencies they lead (<see cref="AgencyScope"/>); a board member
/// the partnership's. The partnership's report has no names; an agency's names its staff, so every download is audited.
/// </summary>
public sealed class ReportArchive(PortalDbContext db, AgencyScope scope, ICurrentUser currentUser, AuditTrail audit)
{
    /// <summary>Every period with a report the user may see, newest first.</summary>
    public async Task<IReadOnlyList<ArchivedPeriod>> ListAsync(CancellationToken cancellationToken = default)
    {
        var reports = await (await VisibleAsync(cancellationToken))
            .Select(r => new ArchivedReport(r.Id, r.PeriodStart, r.PeriodEnd, r.AgencyId, r.Title, r.GeneratedAt, r.FileName))
            .ToListAsync(cancellationToken);
        return reports
            .GroupBy(r => r.Period)
            .OrderByDescending(g => g.Key.Start)
            .Select(g => new ArchivedPeriod(g.Key, g.OrderBy(r => r.IsPartnership ? 0 : 1).ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList()))
            .ToList();
    }

    /// <summary>One report with its figures: NotFound when there is no such report, Forbidden when it is not the user's to see.</summary>
    public async Task<(Access Access, ReportDocument? Report)> GetAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<BiAnnualReport>().AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { Report = new ArchivedReport(r.Id, r.PeriodStart, r.PeriodEnd, r.AgencyId, r.Title, r.GeneratedAt, r.FileName), r.FiguresJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return (Access.NotFound, null);
        }
        if (!await MaySeeAsync(row.Report.AgencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        return (Access.Allowed, new ReportDocument(row.Report, ReportFiguresJson.Deserialize(row.FiguresJson)));
    }

    /// <summary>One report's workbook, with the same checks as <see cref="GetAsync"/>. The download is recorded in the audit trail.</summary>
    public async Task<(Access Access, ReportFile? File)> WorkbookAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<BiAnnualReport>().AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.AgencyId, r.Title, r.PeriodStart, r.PeriodEnd, r.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return (Access.NotFound, null);
        }
        if (!await MaySeeAsync(row.AgencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var content = await db.Set<BiAnnualReport>().AsNoTracking().Where(r => r.Id == reportId).Select(r => r.Workbook).SingleAsync(cancellationToken);
        audit.Record("Bi-annual report downloaded", nameof(BiAnnualReport), reportId, $"{row.Title}, {new ReportingPeriod(row.PeriodStart, row.PeriodEnd).Name}, {row.FileName}");
        await db.SaveChangesAsync(cancellationToken);
        return (Access.Allowed, new ReportFile(row.FileName, content));
    }

    private async Task<bool> MaySeeAsync(Guid? agencyId, CancellationToken cancellationToken) =>
        agencyId is { } id ? await scope.CanManageAsync(id, cancellationToken) : scope.SeesAllAgencies || currentUser.IsInRole(Roles.BoardMember);

    private async Task<IQueryable<BiAnnualReport>> VisibleAsync(CancellationToken cancellationToken)
    {
        var reports = db.Set<BiAnnualReport>().AsNoTracking();
        if (scope.SeesAllAgencies)
        {
            return reports;
        }
        var led = await scope.LedAgenciesAsync(cancellationToken);
        var board = currentUser.IsInRole(Roles.BoardMember);
        return reports.Where(r => (r.AgencyId == null && board) || (r.AgencyId != null && led.Contains(r.AgencyId.Value)));
    }
}

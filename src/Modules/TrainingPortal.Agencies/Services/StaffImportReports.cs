using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Paging;
using TrainingPortal.Data;

namespace TrainingPortal.Agencies.Services;

/// <summary>Where an import has got to and what it will do (or did), without its report.</summary>
public sealed record StaffImportSummary(
    Guid Id, Guid AgencyId, string FileName, StaffImportStatus Status, int RowsTotal, int RowsProcessed, int RowsWithErrors,
    int Added, int Updated, int Unchanged, int Leavers, int TeamsAdded, string UploadedByName, DateTime UploadedAt,
    DateTime? CheckedAt, string? ConfirmedByName, DateTime? FinishedAt)
{
    public bool IsInProgress => StaffImport.IsInProgress(Status);

    /// <summary>Whole percent of rows checked, for the progress bar.</summary>
    public int PercentDone => Status switch
    {
        StaffImportStatus.Validating when RowsTotal > 0 => Math.Clamp(RowsProcessed * 100 / RowsTotal, 0, 100),
        StaffImportStatus.Uploaded or StaffImportStatus.Validating => 0,
        _ => 100,
    };

    /// <summary>"Checked 4,000 of 10,000 rows".</summary>
    public string ProgressText => Status switch
    {
        StaffImportStatus.Uploaded => $"Waiting to check {Rows(RowsTotal)}",
        StaffImportStatus.Validating => $"Checked {RowsProcessed.ToString("N0", CultureInfo.InvariantCulture)} of {Rows(RowsTotal)}",
        StaffImportStatus.Applying => $"Applying the changes from {Rows(RowsTotal)}",
        StaffImportStatus.Applied => $"Applied the changes from {Rows(RowsTotal)}",
        _ => $"Checked {Rows(RowsTotal)}",
    };

    private static string Rows(int count) => count == 1 ? "1 row" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} rows";
}

/// <summary>One line of an import's report: the spreadsheet row (0 for the whole file), the column and the message.</summary>
public sealed record StaffImportLine(int RowNumber, string Column, string Message);

/// <summary>An import with its report: problems with the file as a whole, one page of row problems, and notes (such as new teams).</summary>
public sealed record StaffImportReport(StaffImportSummary Import, IReadOnlyList<StaffImportLine> FileProblems, PagedList<StaffImportLine> Problems, IReadOnlyList<StaffImportLine> Notes);

/// <summary>
/// What staff imports did and will do, for the upload and report pages: an import's progress, its report a page at a
/// time, and an agency's recent imports. Every method checks <see cref="AgencyScope"/> first, so a lead only reads their
/// own agency's imports. <see cref="StaffImporter"/> runs the imports.
/// </summary>
public sealed class StaffImportReports(PortalDbContext db, AgencyScope scope)
{
    /// <summary>How many row problems a page of the report shows.</summary>
    public const int PageSize = 100;

    /// <summary>How far an import has got, for the progress indicator.</summary>
    public async Task<(Access Access, StaffImportSummary? Import)> ProgressAsync(Guid agencyId, Guid importId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var import = await Summaries(db, i => i.Id == importId && i.AgencyId == agencyId).SingleOrDefaultAsync(cancellationToken);
        return import is null ? (Access.NotFound, null) : (Access.Allowed, import);
    }

    /// <summary>An import and one page of its report (problems in row order).</summary>
    public async Task<(Access Access, StaffImportReport? Report)> ReportAsync(Guid agencyId, Guid importId, int page, CancellationToken cancellationToken = default)
    {
        var (access, import) = await ProgressAsync(agencyId, importId, cancellationToken);
        if (access != Access.Allowed)
        {
            return (access, null);
        }
        var messages = db.Set<StaffImportMessage>().AsNoTracking().Where(m => m.StaffImportId == importId);
        var fileProblems = await messages.Where(m => m.RowNumber == 0).OrderBy(m => m.Id)
            .Select(m => new StaffImportLine(m.RowNumber, m.Column, m.Message)).ToListAsync(cancellationToken);
        var problems = await messages.Where(m => m.Kind == StaffImportMessageKind.Error && m.RowNumber > 0).OrderBy(m => m.RowNumber).ThenBy(m => m.Id)
            .Select(m => new StaffImportLine(m.RowNumber, m.Column, m.Message)).ToPagedListAsync(page, PageSize, cancellationToken);
        var notes = await messages.Where(m => m.Kind == StaffImportMessageKind.Info).OrderBy(m => m.RowNumber).ThenBy(m => m.Id).Take(200)
            .Select(m => new StaffImportLine(m.RowNumber, m.Column, m.Message)).ToListAsync(cancellationToken);
        return (Access.Allowed, new StaffImportReport(import!, fileProblems, problems, notes));
    }

    /// <summary>The agency's most recent imports, newest first.</summary>
    public async Task<(Access Access, IReadOnlyList<StaffImportSummary> Imports)> RecentAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, []);
        }
        var imports = await Summaries(db, i => i.AgencyId == agencyId).Take(10).ToListAsync(cancellationToken);
        return (Access.Allowed, imports);
    }

    /// <summary>Imports matching <paramref name="filter"/>, newest first, without checking who is asking.</summary>
    internal static IQueryable<StaffImportSummary> Summaries(PortalDbContext db, Expression<Func<StaffImport, bool>> filter) =>
        db.Set<StaffImport>().AsNoTracking().Where(filter).OrderByDescending(i => i.UploadedAt).Select(i => new StaffImportSummary(
            i.Id, i.AgencyId, i.FileName, i.Status, i.RowsTotal, i.RowsProcessed, i.RowsWithErrors, i.Added, i.Updated, i.Unchanged, i.Leavers, i.TeamsAdded,
            i.UploadedByName, i.UploadedAt, i.CheckedAt, i.ConfirmedByName, i.FinishedAt));
}

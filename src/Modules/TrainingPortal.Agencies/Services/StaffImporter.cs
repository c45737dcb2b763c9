using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Jobs;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Imports an agency's staff from an .xlsx or .csv file. Every row is checked first and the report shows each problem
/// by row and column; if any row fails, nothing is applied. Otherwise, once the person confirms, every change is made
/// in one database transaction: new people, people already known by email gaining a membership of this agency,
/// existing memberships (matched by employee reference, then by email) updated, and leavers marked by their leaving
/// date. Each change is recorded in the audit trail as <see cref="StaffRecords"/> records it.
/// </summary>
/// <remarks>
/// <para>Matching: a row's employee reference finds this agency's membership with that reference; failing that, its
/// email finds the person, and their membership of this agency if they have one. A blank reference or email never
/// removes an existing one (they are how people are matched next time); any other blank cell clears that field, and
/// the optional manager columns are only changed when the file has them. People missing from the file are left as
/// they are: leavers are marked by a leaving date, not by absence. A team name the agency does not have yet is added
/// to the agency when the file is applied, and the report lists it as a new team.</para>
/// <para>Uploading and confirming an import check <see cref="AgencyScope"/>, as reading one does
/// (<see cref="StaffImportReports"/>): a lead only reaches their own agency's imports. Checking and applying run as
/// background jobs (<see cref="StaffImportJob"/>) on an import that was authorised when it was uploaded and confirmed;
/// <see cref="ImportAsync"/> runs the same steps to completion in the caller's scope.</para>
/// </remarks>
public sealed class StaffImporter(
    PortalDbContext db, AgencyScope scope, AuditTrail audit, ICurrentUser currentUser, TimeProvider clock, IBackgroundJobClient jobs, ILogger<StaffImporter> logger)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;

    /// <summary>What the parts of an .xlsx (a zip) may unzip to in all; a full 20,000-row staff list unzips to about 12 MB.</summary>
    public const long MaxUnzippedBytes = 100 * 1024 * 1024;

    /// <summary>How many parts an .xlsx may hold; a staff list has about ten.</summary>
    public const int MaxWorkbookEntries = 1_000;

    /// <summary>How many times its packed size a part of an .xlsx may unzip to, once it passes 1 MB; spreadsheet XML packs 10 to 15 times.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>An import left unconfirmed this long is cancelled and its file deleted.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(24);

    private static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Stores the file and queues it to be checked. Refuses a file of the wrong type or size, or one without the required columns.</summary>
    public async Task<OperationResult<Guid>> UploadAsync(Guid agencyId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var stored = await StoreAsync(agencyId, fileName, content, cancellationToken);
        if (stored.Succeeded)
        {
            jobs.Enqueue<StaffImportJob>(job => job.ValidateAsync(stored.Value, CancellationToken.None));
        }
        return stored;
    }

    /// <summary>
    /// Uploads, checks and, when every row passes, applies a file in one go, without background jobs (for scripts,
    /// feeds and timing). The result's status is <see cref="StaffImportStatus.Applied"/> or, with the report to read,
    /// <see cref="StaffImportStatus.Invalid"/>.
    /// </summary>
    public async Task<OperationResult<StaffImportSummary>> ImportAsync(Guid agencyId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var stored = await StoreAsync(agencyId, fileName, content, cancellationToken);
        if (!stored.Succeeded)
        {
            return OperationResult<StaffImportSummary>.Failed(stored.Errors);
        }
        var importId = stored.Value;
        await ValidateAsync(importId, cancellationToken);
        if (await ClaimForApplyingAsync(agencyId, importId, cancellationToken))
        {
            await ApplyAsync(importId, cancellationToken);
        }
        return OperationResult<StaffImportSummary>.Ok(await StaffImportReports.Summaries(db, i => i.Id == importId).SingleAsync(cancellationToken));
    }

    /// <summary>Checks every row of an uploaded file and stores the report: the work of the checking job.</summary>
    public async Task ValidateAsync(Guid importId, CancellationToken cancellationToken = default)
    {
        // Validating too, so that a retried or resumed job picks up where a stopped one left off.
        var claimed = await db.Set<StaffImport>()
            .Where(i => i.Id == importId && (i.Status == StaffImportStatus.Uploaded || i.Status == StaffImportStatus.Validating))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, StaffImportStatus.Validating).SetProperty(i => i.RowsProcessed, 0), cancellationToken);
        if (claimed == 0)
        {
            return;
        }
        var import = await db.Set<StaffImport>().AsNoTracking().Where(i => i.Id == importId)
            .Select(i => new { i.AgencyId, i.FileName, i.Content }).SingleAsync(cancellationToken);
        var plan = await PlanFileAsync(import.AgencyId, import.FileName, import.Content, track: false, async processed =>
            await db.Set<StaffImport>().Where(i => i.Id == importId && i.Status == StaffImportStatus.Validating)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RowsProcessed, processed), cancellationToken), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await SaveReportAsync(importId, plan, StaffImportStatus.Validating, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The person confirms a checked file: it is queued to be applied.</summary>
    public async Task<OperationResult> ConfirmAsync(Guid agencyId, Guid importId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult.Failed("", "You cannot import staff into that agency.");
        }
        if (!await ClaimForApplyingAsync(agencyId, importId, cancellationToken))
        {
            return OperationResult.Failed("", "This file cannot be applied now. It may have been applied or cancelled already.");
        }
        jobs.Enqueue<StaffImportJob>(job => job.ApplyAsync(importId, CancellationToken.None));
        return OperationResult.Success;
    }

    /// <summary>
    /// Applies a confirmed import in one transaction: the work of the applying job. The rows are checked again inside
    /// the transaction, so a staff list that changed since the check cannot be half-applied; if a row now fails,
    /// nothing is changed and the import is reported as invalid.
    /// </summary>
    public async Task ApplyAsync(Guid importId, CancellationToken cancellationToken = default)
    {
        var import = await db.Set<StaffImport>().AsNoTracking().Where(i => i.Id == importId && i.Status == StaffImportStatus.Applying)
            .Select(i => new { i.AgencyId, i.FileName, i.Content, i.ConfirmedById, i.ConfirmedByName, i.UploadedByName }).SingleOrDefaultAsync(cancellationToken);
        if (import is null)
        {
            return;
        }
        audit.ActFor(import.ConfirmedById, import.ConfirmedByName ?? import.UploadedByName);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var plan = await PlanFileAsync(import.AgencyId, import.FileName, import.Content, track: true, progress: null, cancellationToken);
            if (plan.HasErrors)
            {
                db.ChangeTracker.Clear();
                plan.Messages.Insert(0, new StaffImportMessage
                {
                    RowNumber = 0, Column = "File", Kind = StaffImportMessageKind.Error,
                    Message = "The staff list changed after this file was checked, so nothing was changed. Correct the rows below and upload the file again",
                });
                if (await SaveReportAsync(importId, plan, StaffImportStatus.Applying, cancellationToken))
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                return;
            }
            // Tens of thousands of new entities: Apply marks the few changed ones itself instead of every save scanning them all.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            new ImportChanges(db, audit).Make(import.AgencyId, import.FileName, plan, Now);
            await db.SaveChangesAsync(cancellationToken);
            var finished = await db.Set<StaffImport>().Where(i => i.Id == importId && i.Status == StaffImportStatus.Applying)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, StaffImportStatus.Applied)
                    .SetProperty(i => i.RowsProcessed, plan.Rows.Count)
                    .SetProperty(i => i.Added, plan.Count(RowAction.Add) + plan.Count(RowAction.AddMembership))
                    .SetProperty(i => i.Updated, plan.Count(RowAction.Update))
                    .SetProperty(i => i.Unchanged, plan.Count(RowAction.Unchanged))
                    .SetProperty(i => i.Leavers, plan.Count(RowAction.MarkLeaver))
                    .SetProperty(i => i.TeamsAdded, plan.NewTeams.Count)
                    .SetProperty(i => i.Content, (byte[]?)null)
                    .SetProperty(i => i.FinishedAt, Now), cancellationToken);
            if (finished == 1)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex)
        {
            // Someone else changed the same people at the same moment (a unique email or reference): nothing was applied.
            logger.LogWarning(ex, "Staff import {ImportId} could not be applied", importId);
            db.ChangeTracker.Clear();
            await db.Set<StaffImport>().Where(i => i.Id == importId && i.Status == StaffImportStatus.Applying)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, StaffImportStatus.Failed).SetProperty(i => i.Content, (byte[]?)null)
                    .SetProperty(i => i.FinishedAt, Now), CancellationToken.None);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Cancels an import that has not been applied, deleting the file.</summary>
    public async Task<OperationResult> CancelAsync(Guid agencyId, Guid importId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult.Failed("", "You cannot import staff into that agency.");
        }
        var cancelled = await db.Set<StaffImport>()
            .Where(i => i.Id == importId && i.AgencyId == agencyId
                && (i.Status == StaffImportStatus.Uploaded || i.Status == StaffImportStatus.Validating || i.Status == StaffImportStatus.Valid || i.Status == StaffImportStatus.Invalid))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, StaffImportStatus.Cancelled).SetProperty(i => i.Content, (byte[]?)null)
                .SetProperty(i => i.FinishedAt, Now), cancellationToken);
        return cancelled == 1 ? OperationResult.Success : OperationResult.Failed("", "This import can no longer be cancelled.");
    }

    /// <summary>
    /// Deletes the files of imports nobody finished: unconfirmed for <see cref="AbandonedAfter"/> (cancelled) or stuck
    /// applying (failed; the transaction never committed). Also clears any file an ended import still holds.
    /// </summary>
    public async Task<int> ForgetAbandonedAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var abandonedBefore = now - AbandonedAfter;
        var stuckBefore = now - StuckAfter;
        var abandoned = await db.Set<StaffImport>()
            .Where(i => (i.Status == StaffImportStatus.Uploaded || i.Status == StaffImportStatus.Validating || i.Status == StaffImportStatus.Valid || i.Status == StaffImportStatus.Invalid)
                && i.UploadedAt < abandonedBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, StaffImportStatus.Cancelled).SetProperty(i => i.Content, (byte[]?)null).SetProperty(i => i.FinishedAt, now), cancellationToken);
        var stuck = await db.Set<StaffImport>()
            .Where(i => i.Status == StaffImportStatus.Applying && i.ConfirmedAt < stuckBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, StaffImportStatus.Failed).SetProperty(i => i.Content, (byte[]?)null).SetProperty(i => i.FinishedAt, now), cancellationToken);
        await db.Set<StaffImport>()
            .Where(i => i.Content != null && (i.Status == StaffImportStatus.Applied || i.Status == StaffImportStatus.Failed || i.Status == StaffImportStatus.Cancelled || i.Status == StaffImportStatus.Invalid))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Content, (byte[]?)null), cancellationToken);
        return abandoned + stuck;
    }

    /// <summary>Imports still waiting to be checked or applied, for resuming them after a restart (in-memory job storage forgets its queue).</summary>
    public async Task<IReadOnlyList<(Guid Id, StaffImportStatus Status)>> UnfinishedAsync(CancellationToken cancellationToken = default)
    {
        var since = Now - AbandonedAfter;
        var unfinished = await db.Set<StaffImport>().AsNoTracking()
            .Where(i => (i.Status == StaffImportStatus.Uploaded || i.Status == StaffImportStatus.Validating || i.Status == StaffImportStatus.Applying) && i.UploadedAt >= since)
            .Select(i => new { i.Id, i.Status }).ToListAsync(cancellationToken);
        return unfinished.Select(i => (i.Id, i.Status)).ToList();
    }

    private async Task<OperationResult<Guid>> StoreAsync(Guid agencyId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult<Guid>.Failed("", "You cannot import staff into that agency.");
        }
        if (!await db.Set<Agency>().AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            return OperationResult<Guid>.Failed("", "That agency no longer exists.");
        }
        fileName = Path.GetFileName(fileName.Trim());
        if (fileName.Length > 260)
        {
            fileName = fileName[^260..];
        }
        if (!StaffFileReader.IsSupported(fileName))
        {
            return OperationResult<Guid>.Failed(StaffFileReader.FileField, "The selected file must be an Excel workbook (.xlsx) or a CSV file (.csv)");
        }
        var bytes = await ReadLimitedAsync(content, cancellationToken);
        if (bytes is null)
        {
            return OperationResult<Guid>.Failed(StaffFileReader.FileField, $"The selected file must be smaller than {MaxFileBytes / 1024 / 1024} MB");
        }
        // The shape of the file is checked now, so that a wrong file is refused on the upload page itself.
        var file = StaffFileReader.Read(fileName, bytes);
        if (!file.Succeeded)
        {
            return OperationResult<Guid>.Failed(file.Errors);
        }
        var import = new StaffImport
        {
            Id = Guid.NewGuid(), AgencyId = agencyId, UploadedById = currentUser.UserId, UploadedByName = currentUser.Name, FileName = fileName,
            Content = bytes, Status = StaffImportStatus.Uploaded, RowsTotal = file.Value!.Rows.Count, UploadedAt = Now,
        };
        db.Set<StaffImport>().Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<Guid>.Ok(import.Id);
    }

    /// <summary>The stream's bytes, or null once it passes <see cref="MaxFileBytes"/> (the declared length is not trusted).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private async Task<bool> ClaimForApplyingAsync(Guid agencyId, Guid importId, CancellationToken cancellationToken) =>
        await db.Set<StaffImport>()
            .Where(i => i.Id == importId && i.AgencyId == agencyId && i.Status == StaffImportStatus.Valid)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, StaffImportStatus.Applying)
                .SetProperty(i => i.ConfirmedById, currentUser.UserId)
                .SetProperty(i => i.ConfirmedByName, currentUser.Name)
                .SetProperty(i => i.ConfirmedAt, Now), cancellationToken) == 1;

    /// <summary>Stores a check's report and outcome, if the import is still at <paramref name="from"/> (it may have been cancelled meanwhile).</summary>
    private async Task<bool> SaveReportAsync(Guid importId, ImportPlan plan, StaffImportStatus from, CancellationToken cancellationToken)
    {
        var valid = !plan.HasErrors;
        var now = Now;
        var saved = await db.Set<StaffImport>().Where(i => i.Id == importId && i.Status == from)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(i => i.Status, valid ? StaffImportStatus.Valid : StaffImportStatus.Invalid)
                    .SetProperty(i => i.RowsProcessed, plan.Rows.Count)
                    .SetProperty(i => i.RowsWithErrors, plan.RowsWithErrors)
                    .SetProperty(i => i.Added, plan.Count(RowAction.Add) + plan.Count(RowAction.AddMembership))
                    .SetProperty(i => i.Updated, plan.Count(RowAction.Update))
                    .SetProperty(i => i.Unchanged, plan.Count(RowAction.Unchanged))
                    .SetProperty(i => i.Leavers, plan.Count(RowAction.MarkLeaver))
                    .SetProperty(i => i.TeamsAdded, plan.NewTeams.Count)
                    .SetProperty(i => i.CheckedAt, now);
                if (!valid)
                {
                    // An invalid file is never applied, so it is not kept.
                    s.SetProperty(i => i.Content, (byte[]?)null).SetProperty(i => i.FinishedAt, now);
                }
            }, cancellationToken);
        if (saved == 0)
        {
            return false;
        }
        await db.Set<StaffImportMessage>().Where(m => m.StaffImportId == importId).ExecuteDeleteAsync(cancellationToken);
        foreach (var message in plan.Messages)
        {
            message.StaffImportId = importId;
        }
        db.Set<StaffImportMessage>().AddRange(plan.Messages);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<ImportPlan> PlanFileAsync(Guid agencyId, string fileName, byte[]? content, bool track, Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        var file = content is null
            ? OperationResult<StaffFile>.Failed(StaffFileReader.FileField, "The file is no longer stored. Upload it again")
            : StaffFileReader.Read(fileName, content);
        if (!file.Succeeded)
        {
            var failed = new ImportPlan();
            failed.Messages.Add(new StaffImportMessage { RowNumber = 0, Column = "File", Message = file.Errors[0].Message, Kind = StaffImportMessageKind.Error });
            return failed;
        }
        return await new ImportPlanner(db, agencyId, file.Value!, track).PlanAsync(progress, cancellationToken);
    }
}

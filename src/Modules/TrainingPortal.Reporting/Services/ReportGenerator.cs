using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.Settings;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Jobs;

namespace TrainingPortal.Reporting.Services;

/// <summary>One run of a period's reports as the coordinator's pages show it.</summary>
public sealed record ReportRunSummary(
    Guid Id, ReportingPeriod Period, ReportRunStatus Status, string RequestedBy, DateTime RequestedAt, DateTime? StartedAt,
    DateTime? FinishedAt, int ReportsTotal, int ReportsDone, string? Failure)
{
    public bool IsInProgress => Status is ReportRunStatus.Queued or ReportRunStatus.Running;

    /// <summary>Whole percent of reports done, for the progress bar.</summary>
    public int PercentDone => Status == ReportRunStatus.Completed ? 100 : ReportsTotal == 0 ? 0 : Math.Clamp(ReportsDone * 100 / ReportsTotal, 0, 100);

    /// <summary>"Generated 12 of 41 reports".</summary>
    public string ProgressText => Status switch
    {
        ReportRunStatus.Queued => $"Waiting to generate {Reports(ReportsTotal)}",
        ReportRunStatus.Completed => $"Generated {Reports(ReportsDone)}",
        _ => $"Generated {ReportsDone.ToString("N0", CultureInfo.InvariantCulture)} of {Reports(ReportsTotal)}",
    };

    public string StatusText => Status switch
    {
        ReportRunStatus.Queued => "Waiting",
        ReportRunStatus.Running => "Generating",
        ReportRunStatus.Completed => "Done",
        _ => "Failed",
    };

    public string StatusTagClass => Status switch
    {
        ReportRunStatus.Queued => "govuk-tag govuk-tag--grey",
        ReportRunStatus.Running => "govuk-tag govuk-tag--yellow",
        ReportRunStatus.Completed => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--red",
    };

    private static string Reports(int count) => count == 1 ? "1 report" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} reports";
}

/// <summary>
/// Generates every bi-annual report for a period: the partnership's, then one per active agency. A run
/// (<see cref="ReportRun"/>) is queued by a coordinator or by the daily check (<see cref="BiAnnualReportJob"/>) and
/// carried out by a background job, which stores each report in the archive as it goes, replacing the period's
/// earlier report for the same agency (keeping its id, so links in earlier emails still work), and emails it in the
/// same transaction. Progress is saved after each report.
/// </summary>
/// <remarks>
/// A run is claimed by a conditional update, so a retried or duplicated job for a run that is running or finished does
/// nothing. A run left running for <see cref="StaleAfter"/> (its instance stopped) may be claimed again and starts over.
/// Two runs of the same period at once cannot store a report twice: the archive's unique indexes refuse the second,
/// and that run counts the report as done by the other.
/// </remarks>
public sealed class ReportGenerator(
    PortalDbContext db, ReportCalculator calculator, ReportWorkbook workbook, ReportMail mail, AuditTrail audit, ICurrentUser currentUser,
    PortalSettings settings, TimeProvider clock, IBackgroundJobClient jobs, ILogger<ReportGenerator> logger)
{
    /// <summary>How many ended periods a coordinator may choose from.</summary>
    public const int PeriodsOffered = 6;

    /// <summary>A run still running after this long is taken to have stopped with its instance, and may be run again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The last <see cref="PeriodsOffered"/> periods that have ended, newest first.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> PeriodsToRunAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await ReportingSettings.CalendarAsync(settings, cancellationToken);
        return calendar.EndingWith(calendar.LastEnded(UkTime.Today(clock)), PeriodsOffered).Reverse().ToList();
    }

    /// <summary>
    /// Queues a run of every report for <paramref name="period"/>, asked for by the current user. Refuses a period that
    /// is not one of the <see cref="PeriodsToRunAsync">periods offered</see>, or one already being generated.
    /// </summary>
    public async Task<OperationResult<Guid>> QueueAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        if (!(await PeriodsToRunAsync(cancellationToken)).Contains(period))
        {
            return OperationResult<Guid>.Failed("Period", "Select one of the periods that have ended");
        }
        var staleBefore = Now - StaleAfter;
        if (await db.Set<ReportRun>().AnyAsync(r => r.PeriodStart == period.Start
                && (r.Status == ReportRunStatus.Queued || (r.Status == ReportRunStatus.Running && r.StartedAt > staleBefore)), cancellationToken))
        {
            return OperationResult<Guid>.Failed("Period", $"The reports for {period.Name} are already being generated");
        }
        var run = await AddRunAsync(period, currentUser.UserId, cancellationToken);
        audit.Record("Bi-annual reports requested", nameof(ReportRun), run.Id, period.Name);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<BiAnnualReportJob>(job => job.RunAsync(run.Id, CancellationToken.None));
        return OperationResult<Guid>.Ok(run.Id);
    }

    /// <summary>
    /// The daily check: generates the reports of the period that ended last, in this call, unless that period already has
    /// a completed run or one under way. Does nothing before the portal is set up. Returns the run, or null.
    /// </summary>
    public async Task<Guid?> GenerateLastEndedAsync(CancellationToken cancellationToken = default)
    {
        if (await settings.GetAsync(PortalSettings.SetupCompletedAt, cancellationToken) is null)
        {
            return null;
        }
        var calendar = await ReportingSettings.CalendarAsync(settings, cancellationToken);
        var period = calendar.LastEnded(UkTime.Today(clock));
        if (await db.Set<ReportRun>().AnyAsync(r => r.PeriodStart == period.Start && r.Status != ReportRunStatus.Failed, cancellationToken))
        {
            return null;
        }
        var run = await AddRunAsync(period, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Generating the bi-annual reports for {Period} on schedule", period.Name);
        await RunAsync(run.Id, cancellationToken);
        return run.Id;
    }

    /// <summary>Runs whose job may have been lost: queued ones, and running ones that have gone stale. Running them again is safe.</summary>
    public async Task<IReadOnlyList<Guid>> UnfinishedRunsAsync(CancellationToken cancellationToken = default)
    {
        var staleBefore = Now - StaleAfter;
        return await db.Set<ReportRun>().AsNoTracking()
            .Where(r => r.Status == ReportRunStatus.Queued || (r.Status == ReportRunStatus.Running && r.StartedAt < staleBefore))
            .OrderBy(r => r.RequestedAt).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Carries out a run: the work of the background job. Returns false when the run was not there to claim (finished,
    /// or running elsewhere). A failure is recorded on the run, with the reports done so far kept.
    /// </summary>
    public async Task<bool> RunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var staleBefore = now - StaleAfter;
        var claimed = await db.Set<ReportRun>()
            .Where(r => r.Id == runId && (r.Status == ReportRunStatus.Queued || (r.Status == ReportRunStatus.Running && r.StartedAt < staleBefore)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReportRunStatus.Running)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.ReportsDone, 0)
                .SetProperty(r => r.Failure, (string?)null), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        var run = await db.Set<ReportRun>().AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
        var period = new ReportingPeriod(run.PeriodStart, run.PeriodEnd);
        if (run.RequestedByUserId is { } userId)
        {
            var email = await db.Set<PortalUser>().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
            audit.ActFor(userId, email ?? "unknown");
        }
        var current = "the partnership";
        try
        {
            var reports = await calculator.AllAsync(period, cancellationToken);
            await db.Set<ReportRun>().Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportsTotal, reports.Count), cancellationToken);
            var done = 0;
            foreach (var figures in reports)
            {
                current = figures.Title;
                await StoreAsync(runId, period, figures, ++done, cancellationToken);
            }
            await db.Set<ReportRun>().Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportRunStatus.Completed).SetProperty(r => r.FinishedAt, Now), cancellationToken);
            logger.LogInformation("Generated {Count} bi-annual reports for {Period}", reports.Count, period.Name);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The bi-annual reports for {Period} stopped at the report for {Report}", period.Name, current);
            db.ChangeTracker.Clear();
            var failure = $"Something went wrong while generating the report for {current}. The reports generated before it are kept. "
                + "Run the period again; if it fails again, an administrator can find the details in the log.";
            await db.Set<ReportRun>().Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportRunStatus.Failed).SetProperty(r => r.Failure, failure).SetProperty(r => r.FinishedAt, Now), CancellationToken.None);
            return true;
        }
    }

    /// <summary>One run's progress; null when there is no such run.</summary>
    public async Task<ReportRunSummary?> ProgressAsync(Guid runId, CancellationToken cancellationToken = default) =>
        (await Summaries(db.Set<ReportRun>().Where(r => r.Id == runId), 1, cancellationToken)).SingleOrDefault();

    /// <summary>The most recent runs, newest first.</summary>
    public Task<IReadOnlyList<ReportRunSummary>> RecentRunsAsync(int count = 10, CancellationToken cancellationToken = default) =>
        Summaries(db.Set<ReportRun>(), count, cancellationToken);

    /// <summary>"neglect-training-report-northshire-police-2026-04-01.xlsx"; the partnership's is "…-partnership-…".</summary>
    public static string FileName(ReportFigures figures, ReportingPeriod period) =>
        $"neglect-training-report-{(figures.AgencyId is null ? "partnership" : FileNames.Slug(figures.Title, "agency"))}-{period.Key}.xlsx";

    private async Task<ReportRun> AddRunAsync(ReportingPeriod period, Guid? requestedBy, CancellationToken cancellationToken)
    {
        var run = new ReportRun
        {
            Id = Guid.NewGuid(),
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            Status = ReportRunStatus.Queued,
            RequestedByUserId = requestedBy,
            RequestedAt = Now,
            ReportsTotal = await db.Set<Agency>().CountAsync(a => a.IsActive, cancellationToken) + 1,
        };
        db.Set<ReportRun>().Add(run);
        return run;
    }

    /// <summary>Stores one report (replacing the period's earlier one), its emails and the run's progress in one transaction.</summary>
    private async Task StoreAsync(Guid runId, ReportingPeriod period, ReportFigures figures, int done, CancellationToken cancellationToken)
    {
        var report = new BiAnnualReport
        {
            Id = Guid.NewGuid(),
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            AgencyId = figures.AgencyId,
            Title = figures.Title.Length > 200 ? figures.Title[..200] : figures.Title,
            GeneratedAt = Now,
            RunId = runId,
            FiguresJson = ReportFiguresJson.Serialize(figures),
            FileName = FileName(figures, period),
            Workbook = workbook.Write(figures),
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var existing = await db.Set<BiAnnualReport>().AsNoTracking()
                .Where(r => r.PeriodStart == period.Start && r.AgencyId == figures.AgencyId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } existingId)
            {
                report.Id = existingId;
                await db.Set<BiAnnualReport>().Where(r => r.Id == existingId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.PeriodEnd, report.PeriodEnd)
                    .SetProperty(r => r.Title, report.Title)
                    .SetProperty(r => r.GeneratedAt, report.GeneratedAt)
                    .SetProperty(r => r.RunId, report.RunId)
                    .SetProperty(r => r.FiguresJson, report.FiguresJson)
                    .SetProperty(r => r.FileName, report.FileName)
                    .SetProperty(r => r.Workbook, report.Workbook), cancellationToken);
                audit.Record("Bi-annual report replaced", nameof(BiAnnualReport), existingId, $"{report.Title}, {period.Name}");
            }
            else
            {
                db.Set<BiAnnualReport>().Add(report);
            }
            await mail.ReportReadyAsync(report, period, replaced: existing is not null, cancellationToken);
            await db.Set<ReportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportsDone, done), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another run of the period stored this report first (the unique index): its report and emails stand.
            db.ChangeTracker.Clear();
            if (!await db.Set<BiAnnualReport>().AnyAsync(r => r.PeriodStart == period.Start && r.AgencyId == figures.AgencyId, cancellationToken))
            {
                throw;
            }
            logger.LogInformation(ex, "Another run stored the {Period} report for {Report} first", period.Name, report.Title);
            await db.Set<ReportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportsDone, done), cancellationToken);
        }
        finally
        {
            // Each workbook and its emails are let go before the next, so memory stays that of one report.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<IReadOnlyList<ReportRunSummary>> Summaries(IQueryable<ReportRun> runs, int count, CancellationToken cancellationToken)
    {
        var rows = await (from r in runs.AsNoTracking()
                          join u in db.Set<PortalUser>() on r.RequestedByUserId equals (Guid?)u.Id into requesters
                          from u in requesters.DefaultIfEmpty()
                          orderby r.RequestedAt descending
                          select new
                          {
                              r.Id, r.PeriodStart, r.PeriodEnd, r.Status, Requester = u == null ? null : u.FirstName + " " + u.LastName,
                              r.RequestedAt, r.StartedAt, r.FinishedAt, r.ReportsTotal, r.ReportsDone, r.Failure,
                          })
            .Take(count).ToListAsync(cancellationToken);
        return rows.Select(r => new ReportRunSummary(r.Id, new ReportingPeriod(r.PeriodStart, r.PeriodEnd), r.Status,
                r.Requester ?? "Schedule", r.RequestedAt, r.StartedAt, r.FinishedAt, r.ReportsTotal, r.ReportsDone, r.Failure))
            .ToList();
    }
}

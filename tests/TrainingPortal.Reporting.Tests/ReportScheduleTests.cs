using Microsoft.EntityFrameworkCore;
using TrainingPortal.Reporting.Domain;

namespace TrainingPortal.Reporting.Tests;

/// <summary>The daily check that generates each period's reports once it has ended, and the catch-up at start-up.</summary>
public sealed class ReportScheduleTests
{
    [Fact]
    public async Task The_daily_check_generates_the_period_that_ended_last_once_and_not_again()
    {
        await using var portal = await ReportRunPortal.StartAsync();

        var first = await portal.JobAsync(job => job.CheckAsync(CancellationToken.None));
        var second = await portal.JobAsync(job => job.CheckAsync(CancellationToken.None));
        portal.MoveTo(new DateOnly(2026, 9, 30));
        var lastDayOfNextPeriod = await portal.JobAsync(job => job.CheckAsync(CancellationToken.None));
        portal.MoveTo(new DateOnly(2026, 10, 1));
        var nextPeriod = await portal.JobAsync(job => job.CheckAsync(CancellationToken.None));

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Null(lastDayOfNextPeriod);
        Assert.NotNull(nextPeriod);
        var run = await portal.RunOfAsync(first.Value);
        Assert.Equal((ReportRunPortal.LastEnded.Start, ReportRunStatus.Completed, (Guid?)null), (run.PeriodStart, run.Status, run.RequestedByUserId));
        Assert.Equal(new DateOnly(2026, 4, 1), (await portal.RunOfAsync(nextPeriod.Value)).PeriodStart);
        var reports = await portal.ReportsAsync();
        Assert.Equal(6, reports.Count);
        Assert.Equal(3, reports.Count(r => r.PeriodStart == ReportRunPortal.LastEnded.Start));
        Assert.Equal(2, await portal.DbAsync(db => db.Set<ReportRun>().CountAsync()));
    }

    [Fact]
    public async Task The_daily_check_leaves_a_period_a_coordinator_has_already_run()
    {
        await using var portal = await ReportRunPortal.StartAsync();
        await portal.RunPeriodAsync(ReportRunPortal.LastEnded);

        var checkedRun = await portal.JobAsync(job => job.CheckAsync(CancellationToken.None));

        Assert.Null(checkedRun);
        Assert.Equal(1, await portal.DbAsync(db => db.Set<ReportRun>().CountAsync()));
    }

    [Fact]
    public async Task A_run_left_running_is_picked_up_again_only_once_it_has_gone_stale_and_the_check_starts_no_other()
    {
        await using var portal = await ReportRunPortal.StartAsync();
        // Running, as a run is when its instance stops part-way through.
        var runId = await portal.DbAsync(async db =>
        {
            var run = new ReportRun
            {
                Id = Guid.NewGuid(), PeriodStart = ReportRunPortal.LastEnded.Start, PeriodEnd = ReportRunPortal.LastEnded.End,
                Status = ReportRunStatus.Running, StartedAt = portal.Clock.UtcNow.UtcDateTime, RequestedAt = portal.Clock.UtcNow.UtcDateTime, ReportsTotal = 3,
            };
            db.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

        Assert.False(await portal.JobAsync(job => job.RunAsync(runId, CancellationToken.None)));
        Assert.Null(await portal.JobAsync(job => job.CheckAsync(CancellationToken.None)));
        portal.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await portal.JobAsync(job => job.RunAsync(runId, CancellationToken.None)));

        Assert.Equal(ReportRunStatus.Completed, (await portal.RunOfAsync(runId)).Status);
        Assert.Equal(1, await portal.DbAsync(db => db.Set<ReportRun>().CountAsync()));
    }

    [Fact]
    public async Task Starting_the_portal_catches_up_the_period_whose_reports_were_missed()
    {
        await using var portal = await ReportRunPortal.StartAsync(new PortalAppOptions { RunJobServer = true });

        var deadline = DateTime.UtcNow.AddSeconds(90);
        ReportRun? run = null;
        while (DateTime.UtcNow < deadline)
        {
            run = await portal.DbAsync(db => db.Set<ReportRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Status == ReportRunStatus.Completed));
            if (run is not null)
            {
                break;
            }
            await Task.Delay(250);
        }

        Assert.NotNull(run);
        Assert.Equal(ReportRunPortal.LastEnded.Start, run.PeriodStart);
        Assert.Null(run.RequestedByUserId);
        Assert.Contains(await portal.ReportsAsync(), r => r.IsPartnership && r.PeriodStart == ReportRunPortal.LastEnded.Start);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Tests;

/// <summary>Running a period's reports: what is stored, what a second run replaces, and that a retried job does nothing.</summary>
public sealed class ReportRunTests : IAsyncLifetime
{
    private ReportRunPortal portal = null!;

    public async Task InitializeAsync() => portal = await ReportRunPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_run_stores_the_partnership_report_and_one_per_agency_with_its_figures_and_workbook()
    {
        var runId = await portal.RunPeriodAsync(ReportRunPortal.LastEnded);

        var run = await portal.RunOfAsync(runId);
        Assert.Equal(ReportRunStatus.Completed, run.Status);
        Assert.Equal(3, run.ReportsTotal);
        Assert.Equal(3, run.ReportsDone);
        Assert.Equal(portal.Coordinator.UserId, run.RequestedByUserId);
        var reports = await portal.ReportsAsync();
        Assert.Equal(3, reports.Count);
        Assert.Single(reports, r => r.IsPartnership);
        Assert.All(reports, r => Assert.Equal((ReportRunPortal.LastEnded.Start, ReportRunPortal.LastEnded.End, runId), (r.PeriodStart, r.PeriodEnd, r.RunId)));
        var police = reports.Single(r => r.AgencyId == portal.Police);
        Assert.Equal("Northshire Police", police.Title);
        Assert.Equal("neglect-training-report-northshire-police-2025-10-01.xlsx", police.FileName);
        Assert.Equal("neglect-training-report-partnership-2025-10-01.xlsx", reports.Single(r => r.IsPartnership).FileName);
        var figures = ReportFiguresJson.Deserialize(police.FiguresJson);
        Assert.Equal(portal.Police, figures.AgencyId);
        Assert.Equal(ReportRunPortal.LastEnded.Name, figures.PeriodName);
        using var workbook = new ExcelPackage(new MemoryStream(police.Workbook));
        Assert.NotEmpty(workbook.Workbook.Worksheets);
    }

    [Fact]
    public async Task Running_a_period_again_replaces_its_reports_in_place_and_records_each_replacement()
    {
        var first = await portal.RunPeriodAsync(ReportRunPortal.LastEnded);
        var before = await portal.ReportsAsync();
        var person = await portal.StaffAsync(portal.Police, "Nia Rhodes");
        await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2026, 2, 10));

        var second = await portal.RunPeriodAsync(ReportRunPortal.LastEnded);

        var after = await portal.ReportsAsync();
        Assert.Equal(before.Select(r => r.Id).Order(), after.Select(r => r.Id).Order());
        Assert.All(after, r => Assert.Equal(second, r.RunId));
        var police = ReportFiguresJson.Deserialize(after.Single(r => r.AgencyId == portal.Police).FiguresJson);
        Assert.Contains(police.People, p => p.Name == "Nia Rhodes");
        var replaced = await portal.DbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "Bi-annual report replaced").ToListAsync());
        Assert.Equal(before.Select(r => r.Id.ToString()).Order(), replaced.Select(e => e.SubjectId).Order());
        Assert.All(replaced, e => Assert.Equal(portal.Coordinator.Email, e.UserName));
        Assert.Contains(replaced, e => e.Details == $"Northshire Police, {ReportRunPortal.LastEnded.Name}");
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Retrying_a_completed_run_does_nothing()
    {
        var runId = await portal.RunPeriodAsync(ReportRunPortal.LastEnded);
        var reports = await portal.ReportsAsync();
        var emails = (await portal.ReportEmailsAsync()).Count;
        portal.Clock.Advance(TimeSpan.FromHours(2));

        var ranAgain = await portal.JobAsync(job => job.RunAsync(runId, CancellationToken.None));

        Assert.False(ranAgain);
        Assert.Equal(reports.Select(r => (r.Id, r.GeneratedAt)), (await portal.ReportsAsync()).Select(r => (r.Id, r.GeneratedAt)));
        Assert.Equal(emails, (await portal.ReportEmailsAsync()).Count);
        Assert.Equal(ReportRunStatus.Completed, (await portal.RunOfAsync(runId)).Status);
        Assert.Empty(await portal.DbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "Bi-annual report replaced").ToListAsync()));
    }

    [Fact]
    public async Task Two_runs_of_a_period_at_once_leave_one_report_per_agency()
    {
        var queued = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => portal.DbAsync(async db =>
        {
            var run = new ReportRun
            {
                Id = Guid.NewGuid(), PeriodStart = ReportRunPortal.LastEnded.Start, PeriodEnd = ReportRunPortal.LastEnded.End,
                Status = ReportRunStatus.Queued, RequestedAt = portal.Clock.UtcNow.UtcDateTime, ReportsTotal = 3,
            };
            db.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        })));

        await Task.WhenAll(queued.Select(id => portal.JobAsync(job => job.RunAsync(id, CancellationToken.None))));

        var reports = await portal.ReportsAsync();
        Assert.Equal(3, reports.Count);
        Assert.Equal(3, reports.Select(r => r.AgencyId).Distinct().Count());
        foreach (var id in queued)
        {
            Assert.Equal(ReportRunStatus.Completed, (await portal.RunOfAsync(id)).Status);
        }
    }

    [Fact]
    public async Task A_coordinator_cannot_run_a_period_that_has_not_ended_or_one_already_being_generated()
    {
        var generator = (IServiceProvider s) => s.GetRequiredService<ReportGenerator>();
        var current = new ReportingPeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30));

        var early = await portal.As(portal.Coordinator, s => generator(s).QueueAsync(current));
        var queued = await portal.As(portal.Coordinator, s => generator(s).QueueAsync(ReportRunPortal.LastEnded));
        var again = await portal.As(portal.Coordinator, s => generator(s).QueueAsync(ReportRunPortal.LastEnded));

        Assert.Equal("Select one of the periods that have ended", Assert.Single(early.Errors).Message);
        Assert.True(queued.Succeeded);
        Assert.Equal("The reports for October 2025 to March 2026 are already being generated", Assert.Single(again.Errors).Message);
        var periods = await portal.As(portal.Coordinator, s => generator(s).PeriodsToRunAsync());
        Assert.Equal(6, periods.Count);
        Assert.Equal(ReportRunPortal.LastEnded, periods[0]);
        Assert.Equal(new DateOnly(2023, 4, 1), periods[^1].Start);
    }
}

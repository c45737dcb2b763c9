using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Tests;

/// <summary>Who sees which report in the archive, in the service and over HTTP.</summary>
public sealed class ReportArchiveTests : IAsyncLifetime
{
    private ReportRunPortal portal = null!;

    public async Task InitializeAsync()
    {
        portal = await ReportRunPortal.StartAsync();
        await portal.RunPeriodAsync(ReportRunPortal.LastEnded);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task<IReadOnlyList<ArchivedPeriod>> ListAsync(SignedInUser user) =>
        portal.As(user, s => s.GetRequiredService<ReportArchive>().ListAsync());

    private Task<(Access Access, ReportDocument? Report)> GetAsync(SignedInUser user, Guid reportId) =>
        portal.As(user, s => s.GetRequiredService<ReportArchive>().GetAsync(reportId));

    private async Task<(Guid Partnership, Guid Police, Guid Health)> ReportIdsAsync()
    {
        var reports = await portal.ReportsAsync();
        return (reports.Single(r => r.IsPartnership).Id, reports.Single(r => r.AgencyId == portal.Police).Id, reports.Single(r => r.AgencyId == portal.Health).Id);
    }

    [Fact]
    public async Task A_lead_sees_only_their_own_agencys_report_a_board_member_only_the_partnerships_and_the_coordinator_all()
    {
        var (partnership, police, health) = await ReportIdsAsync();

        var lead = Assert.Single(await ListAsync(portal.PoliceLead));
        var board = Assert.Single(await ListAsync(portal.BoardMember));
        var coordinator = Assert.Single(await ListAsync(portal.Coordinator));

        Assert.Equal(ReportRunPortal.LastEnded, lead.Period);
        Assert.Equal([police], lead.Reports.Select(r => r.Id));
        Assert.Equal([partnership], board.Reports.Select(r => r.Id));
        Assert.Equal([partnership, health, police], coordinator.Reports.Select(r => r.Id));
        Assert.Equal(Access.Allowed, (await GetAsync(portal.PoliceLead, police)).Access);
        Assert.Equal(Access.Forbidden, (await GetAsync(portal.PoliceLead, health)).Access);
        Assert.Equal(Access.Forbidden, (await GetAsync(portal.PoliceLead, partnership)).Access);
        Assert.Equal(Access.Forbidden, (await GetAsync(portal.BoardMember, police)).Access);
        Assert.Equal(Access.Allowed, (await GetAsync(portal.BoardMember, partnership)).Access);
        Assert.Equal(Access.NotFound, (await GetAsync(portal.Coordinator, Guid.NewGuid())).Access);
        var document = (await GetAsync(portal.Coordinator, health)).Report!;
        Assert.Equal(portal.Health, document.Figures.AgencyId);
    }

    [Fact]
    public async Task Over_http_a_lead_opens_and_downloads_their_own_report_gets_403_for_another_agencys_and_404_for_none()
    {
        var (partnership, police, health) = await ReportIdsAsync();
        var lead = await portal.SignInAsync(portal.PoliceLead);

        var list = await lead.GetStringAsync("/reports");
        var page = await lead.GetAsync($"/reports/{police}");
        var download = await lead.GetAsync($"/reports/{police}/workbook");

        Assert.Contains($"/reports/{police}", list);
        Assert.DoesNotContain($"/reports/{health}", list);
        Assert.DoesNotContain($"/reports/{partnership}", list);
        Assert.DoesNotContain("Run reports for a period", list);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Northshire Police</h1>", await page.Content.ReadAsStringAsync());
        Assert.Contains("Champions and briefings", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ReportWorkbook.ContentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("neglect-training-report-northshire-police-2025-10-01.xlsx", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        using (var workbook = new ExcelPackage(new MemoryStream(await download.Content.ReadAsByteArrayAsync())))
        {
            Assert.NotEmpty(workbook.Workbook.Worksheets);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/reports/{health}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/reports/{health}/workbook")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/reports/{partnership}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/reports/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/reports/runs/" + Guid.NewGuid())).StatusCode);

        var downloads = await portal.DbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == "Bi-annual report downloaded").ToListAsync());
        var entry = Assert.Single(downloads);
        Assert.Equal((police.ToString(), portal.PoliceLead.Email), (entry.SubjectId, entry.UserName));
    }

    [Fact]
    public async Task Over_http_a_board_member_opens_the_partnership_report_but_not_an_agencys()
    {
        var (partnership, police, _) = await ReportIdsAsync();
        var board = await portal.SignInAsync(portal.BoardMember);

        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/reports/{partnership}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync($"/reports/{partnership}/workbook")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/reports/{police}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/reports/{police}/workbook")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_runs_a_period_from_the_reports_page_and_is_shown_its_progress()
    {
        var coordinator = await portal.SignInAsync(portal.Coordinator);

        var missing = await coordinator.PostFormAsync("/reports?handler=Run", [], formPage: "/reports");
        var queued = await coordinator.PostFormAsync("/reports?handler=Run", [new("Period", "2025-04-01")], formPage: "/reports");

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Select the period to run the reports for", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var runUrl = queued.Headers.Location!.OriginalString;
        Assert.Matches("^/reports/runs/[0-9a-f-]{36}$", runUrl);
        var progress = await coordinator.GetStringAsync(runUrl);
        Assert.Contains("Waiting to generate 3 reports", progress);
        Assert.Contains("/js/progress.js", progress);

        await portal.JobAsync(job => job.RunAsync(Guid.Parse(runUrl.Split('/')[^1]), CancellationToken.None));

        var done = await coordinator.GetStringAsync(runUrl);
        Assert.Contains("Reports generated", done);
        Assert.DoesNotContain("/js/progress.js", done);
        Assert.Contains("\"inProgress\":false", await coordinator.GetStringAsync(runUrl + "?handler=Progress"));
        Assert.Contains("April to September 2025", await coordinator.GetStringAsync("/reports"));
    }
}

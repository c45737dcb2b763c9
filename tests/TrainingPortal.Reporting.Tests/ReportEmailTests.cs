using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Tests;

/// <summary>Who is sent each report, with what attached.</summary>
public sealed class ReportEmailTests : IAsyncLifetime
{
    private ReportRunPortal portal = null!;

    public async Task InitializeAsync() => portal = await ReportRunPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Each_agencys_report_goes_to_its_leads_and_the_partnerships_to_coordinators_and_board_members_with_the_workbook_attached()
    {
        await portal.RunPeriodAsync(ReportRunPortal.LastEnded);

        var reports = await portal.ReportsAsync();
        var emails = await portal.ReportEmailsAsync();
        var police = reports.Single(r => r.AgencyId == portal.Police);
        var health = reports.Single(r => r.AgencyId == portal.Health);
        var partnership = reports.Single(r => r.IsPartnership);

        var toPoliceLead = Assert.Single(emails, m => m.ToAddress == portal.PoliceLead.Email);
        Assert.Equal("Neglect training report: Northshire Police, October 2025 to March 2026", toPoliceLead.Subject);
        Assert.Contains($"/reports/{police.Id}", toPoliceLead.TextBody);
        var attachment = Assert.Single(toPoliceLead.Attachments);
        Assert.Equal((police.FileName, ReportWorkbook.ContentType), (attachment.FileName, attachment.ContentType));
        Assert.Equal(police.Workbook, attachment.Content);

        var toHealthLead = Assert.Single(emails, m => m.ToAddress == portal.HealthLead.Email);
        Assert.Equal(health.FileName, Assert.Single(toHealthLead.Attachments).FileName);

        foreach (var user in new[] { portal.Coordinator, portal.BoardMember })
        {
            var email = Assert.Single(emails, m => m.ToAddress == user.Email);
            Assert.Equal("Neglect training report: Partnership, October 2025 to March 2026".Replace("Partnership", partnership.Title), email.Subject);
            Assert.Contains($"/reports/{partnership.Id}", email.TextBody);
            Assert.Equal(partnership.FileName, Assert.Single(email.Attachments).FileName);
        }
        Assert.DoesNotContain(emails, m => m.Attachments.Any(a => a.FileName == police.FileName) && m.ToAddress != portal.PoliceLead.Email);
    }

    [Fact]
    public async Task A_report_run_again_is_emailed_again_saying_it_replaces_the_earlier_one()
    {
        await portal.RunPeriodAsync(ReportRunPortal.LastEnded);
        portal.Clock.Advance(TimeSpan.FromHours(1));
        await portal.RunPeriodAsync(ReportRunPortal.LastEnded);

        var toPoliceLead = (await portal.ReportEmailsAsync()).Where(m => m.ToAddress == portal.PoliceLead.Email).ToList();

        Assert.Equal(2, toPoliceLead.Count);
        Assert.DoesNotContain("replaces", toPoliceLead[0].TextBody);
        Assert.Contains("This replaces the report for this period sent earlier.", toPoliceLead[1].TextBody);
    }
}

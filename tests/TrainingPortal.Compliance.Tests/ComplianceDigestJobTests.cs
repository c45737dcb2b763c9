using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Jobs;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Notifications.Services;

namespace TrainingPortal.Compliance.Tests;

/// <summary>
/// The Monday summary for safeguarding leads. Staff are added in the week of 1 June 2026; the summary sent on Monday
/// 15 June covers Monday 8 to Sunday 14 June, compared with the end of Sunday 7 June.
/// </summary>
public sealed class ComplianceDigestJobTests : IAsyncLifetime
{
    private const string Digest = ComplianceMail.DigestCategory;

    private CompliancePortal portal = null!;

    public async Task InitializeAsync() => portal = await CompliancePortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Each_lead_is_told_what_changed_last_week_in_their_own_agency_only()
    {
        await WeekOfChangesAsync();

        portal.MoveTo(new DateOnly(2026, 6, 15));
        Assert.Equal(2, await SendDueAsync());

        var health = Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, Digest));
        Assert.Equal("Neglect training at Northshire Community Health: week to 14 June 2026", health.Subject);
        var text = health.TextBody;
        Assert.Contains("from 8 June 2026 to 14 June 2026 at Northshire Community Health.", text);
        Assert.Contains("Staff with all the training their role needs: 60% (a week earlier: 80%).", text);
        Assert.Contains("Joined (1): Cal Newstart.", text);
        Assert.Contains("Left (1): Leo Leaver.", text);
        Assert.Contains("Training completed (1): Neglect basic awareness 1.", text);
        Assert.Contains("Training that expired (1): Dee Lapsed (Neglect basic training).", text);
        Assert.Contains("Training that fell due for renewal (1): Eve Soon (Neglect basic training).", text);
        Assert.Contains($"/compliance/agencies/{portal.Health}", text);
        foreach (var name in new[] { "Pat", "Quin", "Northshire Police" })
        {
            Assert.DoesNotContain(name, text);
            Assert.DoesNotContain(name, health.HtmlBody);
        }

        var police = Assert.Single(await portal.OutboxAsync(portal.PoliceLead.Email, Digest));
        Assert.Contains("Joined (1): Quin Copper.", police.TextBody);
        Assert.Contains("Training completed (1): Neglect basic awareness 1.", police.TextBody);
        foreach (var name in new[] { "Ann Steady", "Bob Learner", "Cal Newstart", "Dee Lapsed", "Eve Soon", "Leo Leaver", "Community Health" })
        {
            Assert.DoesNotContain(name, police.TextBody);
        }
    }

    [Fact]
    public async Task The_summary_goes_once_a_week_however_often_the_job_runs()
    {
        await portal.StaffAsync(portal.Health, "G1", name: "Ann Steady");
        portal.MoveTo(new DateOnly(2026, 6, 8));

        Assert.Equal(2, await SendDueAsync());
        Assert.Equal(0, await SendDueAsync());
        portal.MoveTo(new DateOnly(2026, 6, 10));
        Assert.Equal(0, await SendDueAsync());
        Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, Digest));

        portal.MoveTo(new DateOnly(2026, 6, 15));
        Assert.Equal(2, await SendDueAsync());
        var weeks = await portal.OutboxAsync(portal.HealthLead.Email, Digest);
        Assert.Equal(["Neglect training at Northshire Community Health: week to 7 June 2026", "Neglect training at Northshire Community Health: week to 14 June 2026"],
            weeks.Select(w => w.Subject));
        Assert.Contains("Nobody joined or left, and no training was completed, expired or fell due.", weeks[1].TextBody);
    }

    [Fact]
    public async Task A_lead_who_turned_the_summary_off_gets_none()
    {
        var off = await portal.As(portal.HealthLead, s => s.GetRequiredService<NotificationPreferences>().SaveAsync(portal.HealthLead.UserId,
            new Dictionary<string, NotificationFrequency?> { [ComplianceNotificationTopics.Digest] = NotificationFrequency.Off }));
        Assert.True(off.Succeeded);
        portal.MoveTo(new DateOnly(2026, 6, 8));

        Assert.Equal(1, await SendDueAsync());

        Assert.Empty(await portal.OutboxAsync(portal.HealthLead.Email, Digest));
        Assert.Single(await portal.OutboxAsync(portal.PoliceLead.Email, Digest));
    }

    [Fact]
    public async Task A_lead_of_two_agencies_gets_one_summary_with_both()
    {
        await portal.As(portal.Coordinator, s => s.GetRequiredService<AgencyDirectory>().AddLeadAsync(portal.Police, portal.HealthLead.Email, "Hana", "Lead"));
        await portal.StaffAsync(portal.Police, "G1", name: "Pat Plod");
        portal.MoveTo(new DateOnly(2026, 6, 8));

        await SendDueAsync();

        var digest = Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, Digest));
        Assert.Equal("Neglect training in your agencies: week to 7 June 2026", digest.Subject);
        Assert.Contains("Northshire Community Health:", digest.TextBody);
        Assert.Contains("Northshire Police:", digest.TextBody);
        Assert.Contains("Joined (1): Pat Plod.", digest.TextBody);
        Assert.Contains($"/compliance/agencies/{portal.Police}", digest.TextBody);
    }

    /// <summary>Staff as they stood on Sunday 7 June, then what happens in the week to 14 June in each agency.</summary>
    private async Task WeekOfChangesAsync()
    {
        var ann = await portal.StaffAsync(portal.Health, "G1", name: "Ann Steady");
        await portal.CompletedAsync(ann, "NEG-BASIC", new DateOnly(2026, 1, 10));
        var bob = await portal.StaffAsync(portal.Health, "G1", name: "Bob Learner");
        // Expires on Wednesday 10 June: due soon at the start of the week, expired by its end.
        var dee = await portal.StaffAsync(portal.Health, "G1", name: "Dee Lapsed");
        await portal.CompletedAsync(dee, "NEG-BASIC", new DateOnly(2023, 6, 10));
        // Expires on 12 August: falls due for renewal on Saturday 13 June.
        var eve = await portal.StaffAsync(portal.Health, "G1", name: "Eve Soon");
        await portal.CompletedAsync(eve, "NEG-BASIC", new DateOnly(2023, 8, 12));
        var leo = await portal.StaffAsync(portal.Health, "G1", name: "Leo Leaver");
        await portal.CompletedAsync(leo, "NEG-BASIC", new DateOnly(2026, 1, 10));
        var pat = await portal.StaffAsync(portal.Police, "G1", name: "Pat Plod");

        portal.MoveTo(new DateOnly(2026, 6, 9));
        await portal.StaffAsync(portal.Health, "G1", name: "Cal Newstart");
        await portal.CompletedAsync(bob, "NEG-BASIC", portal.UkToday);
        await LeavesAsync(portal.Health, leo, new DateOnly(2026, 6, 12));
        await portal.StaffAsync(portal.Police, "G1", name: "Quin Copper");
        await portal.CompletedAsync(pat, "NEG-BASIC", portal.UkToday);
    }

    private Task LeavesAsync(Guid agencyId, Guid practitionerId, DateOnly leavingDate) => portal.As(portal.Coordinator, async s =>
    {
        var records = s.GetRequiredService<StaffRecords>();
        var (_, record) = await records.GetAsync(agencyId, practitionerId);
        var result = await records.UpdateAsync(agencyId, practitionerId, new StaffInput
        {
            FirstName = record!.FirstName, LastName = record.LastName, Email = record.Email, JobTitle = record.JobTitle,
            WorkforceGroupId = record.WorkforceGroupId, TeamId = record.TeamId, LeavingDate = leavingDate,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    });

    private Task<int> SendDueAsync() =>
        portal.App.InScopeAsync(s => s.GetRequiredService<ComplianceDigestJob>().SendDueAsync(CancellationToken.None));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Compliance.Jobs;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Tests;

/// <summary>Team briefings on seven-minute guides: what a log gives attendees, who may correct it, and its actions.</summary>
public sealed class BriefingTests : IAsyncLifetime
{
    private ChampionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await ChampionsPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_logged_briefing_gives_each_attendee_with_a_record_one_briefing_in_their_learning()
    {
        var guide = await portal.GuideToBriefOnAsync("Dental neglect");
        var (ann, annUser) = await portal.StaffWithAccountAsync(portal.Health, "Ann Nurse");
        var bob = await portal.StaffAsync(portal.Health, "Bob Visitor");
        var input = portal.Briefing(portal.Health, guide, ann, bob, ann);
        input.OtherAttendees = "Sam Student\n\n  Sam Student ";

        var (access, result) = await portal.RecordAsync(portal.HealthLead, input);

        Assert.Equal(Access.Allowed, access);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal([(BriefingArrangements.CourseOf(guide), portal.Today)], await portal.BriefingRecordsAsync(ann));
        Assert.Equal([(BriefingArrangements.CourseOf(guide), portal.Today)], await portal.BriefingRecordsAsync(bob));
        var mine = await portal.As(annUser, async s => await s.GetRequiredService<Catalogue.Services.TrainingRecords>().ForPractitionerAsync(ann));
        Assert.Contains(mine, r => r.Source == Catalogue.Domain.TrainingSource.Briefing && r.CourseTitle == "Dental neglect");

        var (_, log) = await portal.As(portal.HealthLead, s => s.GetRequiredService<BriefingLogs>().GetAsync(result.Value));
        Assert.Equal(["Ann Nurse", "Bob Visitor", "Sam Student"], log!.Attendees.Select(a => a.Name).Order());
        Assert.Equal("Dental neglect", log.GuideTitle);
    }

    [Fact]
    public async Task Someone_on_two_agencies_staff_briefed_by_both_has_one_record_per_briefing_and_not_more()
    {
        var guide = await portal.GuideToBriefOnAsync("Home conditions");
        var ann = await portal.StaffAsync(portal.Health, "Ann Twojobs", email: "ann.twojobs@staff.example");
        await portal.As(portal.Coordinator, async s =>
        {
            var groupId = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
            var added = await s.GetRequiredService<StaffRecords>().AddAsync(portal.Police, new StaffInput
            {
                FirstName = "Ann", LastName = "Twojobs", Email = "ann.twojobs@staff.example", WorkforceGroupId = groupId, JobTitle = "Custody nurse",
            });
            Assert.Equal(ann, added.Value);
        });

        var first = await portal.RecordAsync(portal.HealthLead, portal.Briefing(portal.Health, guide, ann));
        var second = await portal.RecordAsync(portal.PoliceLead, portal.Briefing(portal.Police, guide, ann));

        Assert.True(first.Result.Succeeded && second.Result.Succeeded);
        Assert.Equal(2, (await portal.BriefingRecordsAsync(ann)).Count);
    }

    [Fact]
    public async Task Correcting_within_14_days_adjusts_the_records_and_afterwards_only_the_training_unit_may()
    {
        var guide = await portal.GuideToBriefOnAsync("Neglect and adolescents");
        var ann = await portal.StaffAsync(portal.Health, "Ann Stays");
        var bob = await portal.StaffAsync(portal.Health, "Bob Wrongly");
        var cal = await portal.StaffAsync(portal.Health, "Cal Missed");
        var recorded = await portal.RecordAsync(portal.HealthLead, portal.Briefing(portal.Health, guide, ann, bob));
        var logId = recorded.Result.Value;

        portal.MoveTo(portal.Today.AddDays(14));
        var corrected = portal.Briefing(portal.Health, guide, ann, cal);
        corrected.DeliveredOn = portal.Today.AddDays(-15);
        var (access, result) = await portal.CorrectAsync(portal.HealthLead, logId, corrected);

        Assert.Equal(Access.Allowed, access);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal([(BriefingArrangements.CourseOf(guide), portal.Today.AddDays(-15))], await portal.BriefingRecordsAsync(ann));
        Assert.Empty(await portal.BriefingRecordsAsync(bob));
        Assert.Equal([(BriefingArrangements.CourseOf(guide), portal.Today.AddDays(-15))], await portal.BriefingRecordsAsync(cal));

        portal.MoveTo(portal.Today.AddDays(1));
        var late = portal.Briefing(portal.Health, guide, ann);
        var refused = await portal.CorrectAsync(portal.HealthLead, logId, late);
        Assert.Equal(Access.Forbidden, refused.Access);
        Assert.Equal(BriefingLogs.CorrectionClosedMessage, Assert.Single(refused.Result.Errors).Message);
        Assert.Single(await portal.BriefingRecordsAsync(cal));

        var byTrainingUnit = await portal.CorrectAsync(portal.Coordinator, logId, late);
        Assert.True(byTrainingUnit.Result.Succeeded);
        Assert.Empty(await portal.BriefingRecordsAsync(cal));
        Assert.Equal([(BriefingArrangements.CourseOf(guide), portal.Today)], await portal.BriefingRecordsAsync(ann));
    }

    [Fact]
    public async Task Missing_sections_a_future_date_no_attendees_and_a_retired_guide_are_field_errors_and_nothing_is_stored()
    {
        var retired = await portal.GuideToBriefOnAsync("Old guide", retired: true);
        var input = new BriefingInput { AgencyId = portal.Health, GuideNumber = retired, DeliveredOn = portal.Today.AddDays(1) };

        var (access, result) = await portal.RecordAsync(portal.HealthLead, input);

        Assert.Equal(Access.Allowed, access);
        var errors = result.Errors.ToDictionary(e => e.Field, e => e.Message);
        Assert.Equal("That guide has been retired. Select a guide from the library", errors[nameof(BriefingInput.GuideNumber)]);
        Assert.Equal("The date of the briefing must be today or in the past", errors[nameof(BriefingInput.DeliveredOn)]);
        Assert.True(errors.ContainsKey(nameof(BriefingInput.Team)));
        Assert.True(errors.ContainsKey(nameof(BriefingInput.DeliveredBy)));
        Assert.True(errors.ContainsKey(nameof(BriefingInput.AttendeeIds)));
        Assert.Equal(0, await portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<BriefingLog>().CountAsync()));
    }

    [Fact]
    public async Task Attendees_from_an_agency_the_person_may_not_see_are_refused_with_403_and_nothing_is_stored()
    {
        var guide = await portal.GuideToBriefOnAsync("Dental neglect");
        var mine = await portal.StaffAsync(portal.Health, "Ann Mine");
        var theirs = await portal.StaffAsync(portal.Police, "Pat Theirs");

        var smuggled = await portal.RecordAsync(portal.HealthLead, portal.Briefing(portal.Health, guide, mine, theirs));
        var otherAgency = await portal.RecordAsync(portal.HealthLead, portal.Briefing(portal.Police, guide, theirs));

        Assert.Equal(Access.Forbidden, smuggled.Access);
        Assert.Equal(Access.Forbidden, otherAgency.Access);
        Assert.Empty(await portal.BriefingRecordsAsync(mine));
        Assert.Empty(await portal.BriefingRecordsAsync(theirs));
    }

    [Fact]
    public async Task A_champion_may_log_for_the_agency_they_champion_and_no_other()
    {
        var guide = await portal.GuideToBriefOnAsync("Dental neglect");
        var (championId, championUser) = await portal.StaffWithAccountAsync(portal.Health, "Cleo Champion");
        await portal.ChampionAsync(portal.HealthLead, portal.Health, championId, portal.Today.AddDays(-30));
        var champion = championUser with { Roles = [Roles.Practitioner, Roles.NeglectChampion] };
        var colleague = await portal.StaffAsync(portal.Health, "Ann Colleague");
        var police = await portal.StaffAsync(portal.Police, "Pat Police");

        var own = await portal.RecordAsync(champion, portal.Briefing(portal.Health, guide, colleague));
        var other = await portal.RecordAsync(champion, portal.Briefing(portal.Police, guide, police));

        Assert.True(own.Result.Succeeded, string.Join("; ", own.Result.Errors.Select(e => e.Message)));
        Assert.Equal(Access.Forbidden, other.Access);
        Assert.Single(await portal.BriefingRecordsAsync(colleague));
        Assert.Empty(await portal.BriefingRecordsAsync(police));
    }

    [Fact]
    public async Task Open_actions_show_for_the_agency_and_overdue_ones_reach_the_leads_weekly_summary()
    {
        var guide = await portal.GuideToBriefOnAsync("Dental neglect");
        var ann = await portal.StaffAsync(portal.Health, "Ann Nurse");
        var input = portal.Briefing(portal.Health, guide, ann);
        input.Actions =
        [
            new() { Description = "Add dental checks to the visit template", Owner = "Team manager", DueOn = portal.Today.AddDays(5) },
            new() { Description = "Share the guide with the night team", Owner = "Hana Lead", DueOn = portal.Today.AddDays(20) },
        ];
        var logId = (await portal.RecordAsync(portal.HealthLead, input)).Result.Value;

        var open = await portal.As(portal.HealthLead, s => s.GetRequiredService<BriefingLogs>().OpenActionsAsync(portal.Health, 1));
        Assert.Equal(2, open.TotalCount);
        var forPolice = await portal.As(portal.PoliceLead, s => s.GetRequiredService<BriefingLogs>().OpenActionsAsync(portal.Health, 1));
        Assert.Equal(0, forPolice.TotalCount);

        var second = open.Items.Single(a => a.Description.StartsWith("Share"));
        Assert.Equal(Access.Allowed, await portal.As(portal.HealthLead, s => s.GetRequiredService<BriefingLogs>().SetActionDoneAsync(second.Id, done: true)));
        Assert.Equal(Access.Forbidden, await portal.As(portal.PoliceLead, s => s.GetRequiredService<BriefingLogs>().SetActionDoneAsync(open.Items[0].Id, done: true)));

        portal.MoveTo(new DateOnly(2026, 6, 15));
        await portal.App.InScopeAsync(s => s.GetRequiredService<ComplianceDigestJob>().SendDueAsync(CancellationToken.None));

        var summary = (await portal.OutboxAsync(portal.HealthLead.Email, ComplianceMail.DigestCategory)).Last();
        Assert.Contains("Overdue briefing actions (1): Add dental checks to the visit template (Health visiting north, Team manager, due 6 June 2026).", summary.TextBody);
        Assert.Contains($"/briefings/actions?agencyId={portal.Health}", summary.TextBody);
        Assert.DoesNotContain("night team", summary.TextBody);
        var police = (await portal.OutboxAsync(portal.PoliceLead.Email, ComplianceMail.DigestCategory)).Last();
        Assert.DoesNotContain("briefing", police.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(Guid.Empty, logId);
    }
}

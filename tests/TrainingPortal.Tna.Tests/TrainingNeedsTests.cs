using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Tna.Domain;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Tests;

public sealed class TrainingNeedsTests : IAsyncLifetime
{
    private TnaPortal portal = null!;

    public async Task InitializeAsync() => portal = await TnaPortal.StartAsync();

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    /// <summary>
    /// Group 3 at Health: one person with nothing; one whose basic and advanced records expire in the year and who holds
    /// GCP2 through train-the-trainer (an accepted alternative); one with everything current beyond the year; a leaver.
    /// </summary>
    private async Task<Guid> HealthGroupThreeAsync()
    {
        await portal.StaffAsync(portal.Health, "G3");
        var expiring = await portal.StaffAsync(portal.Health, "G3");
        await portal.CompletedAsync(expiring, "NEG-BASIC", new DateOnly(2025, 1, 10));
        await portal.CompletedAsync(expiring, "NEG-ADV", new DateOnly(2024, 6, 3));
        await portal.CompletedAsync(expiring, "GCP2-TTT", new DateOnly(2023, 3, 1));
        var current = await portal.StaffAsync(portal.Health, "G3");
        await portal.CompletedAsync(current, "NEG-BASIC", new DateOnly(2026, 11, 2));
        await portal.CompletedAsync(current, "NEG-ADV", new DateOnly(2026, 10, 5));
        await portal.CompletedAsync(current, "GCP2-PRAC", new DateOnly(2025, 5, 5));
        await portal.StaffAsync(portal.Health, "G3", leavingDate: new DateOnly(2026, 11, 30));
        return await portal.OpenAsync();
    }

    private static TnaInput Figures(TnaTask task, Action<TnaInput>? change = null)
    {
        var input = TnaSubmissions.InputFor(task);
        change?.Invoke(input);
        return input;
    }

    private static TnaLineInput Line(TnaInput input, TnaTask task, string group, string requirement)
    {
        var g = task.Groups.ToList().FindIndex(x => x.Name.StartsWith(group, StringComparison.Ordinal));
        var l = task.Groups[g].Lines.ToList().FindIndex(x => x.Requirement == requirement);
        return input.Groups[g].Lines[l];
    }

    [Fact]
    public async Task The_lead_sees_who_needs_each_course_in_the_year_from_current_staff_with_alternatives_counting()
    {
        var analysisId = await HealthGroupThreeAsync();

        var task = await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health);

        var group = Assert.Single(task.Groups, g => g.Name.StartsWith("Group 3", StringComparison.Ordinal));
        Assert.Equal(3, group.Staff);
        Assert.Equal(2, group.Lines.Single(l => l.Requirement == "Neglect basic training").Computed);
        Assert.Equal(2, group.Lines.Single(l => l.Requirement == "Neglect advanced training").Computed);
        Assert.Equal(1, group.Lines.Single(l => l.Requirement == "GCP2 practitioner").Computed);
        Assert.All(task.Groups.Where(g => g != group), g => Assert.Equal(0, g.Staff));
        Assert.True(task.CanEdit);
    }

    [Fact]
    public async Task Opening_a_year_emails_each_lead_and_a_second_one_for_the_same_year_or_a_past_deadline_is_refused()
    {
        var analysisId = await portal.OpenAsync();

        var mail = Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, TnaMail.OpenedCategory));
        Assert.Contains($"/tna/{analysisId}/agencies/{portal.Health}", mail.TextBody);
        Assert.Single(await portal.OutboxAsync(portal.PoliceLead.Email, TnaMail.OpenedCategory));

        var (_, again) = await portal.As(portal.Coordinator, s => s.GetRequiredService<TnaCycle>().OpenAsync(new OpenTnaInput { StartYear = TnaPortal.Year, Deadline = new DateOnly(2027, 2, 1) }));
        Assert.Contains("already a training needs analysis", Assert.Single(again.Errors, e => e.Field == nameof(OpenTnaInput.StartYear)).Message);
        var (_, past) = await portal.As(portal.Coordinator, s => s.GetRequiredService<TnaCycle>().OpenAsync(new OpenTnaInput { StartYear = TnaPortal.Year + 1, Deadline = portal.Today.AddDays(-1) }));
        Assert.Contains("today or in the future", Assert.Single(past.Errors, e => e.Field == nameof(OpenTnaInput.Deadline)).Message);

        var (forbidden, _) = await portal.As(portal.HealthLead, s => s.GetRequiredService<TnaCycle>().OpenAsync(new OpenTnaInput { StartYear = TnaPortal.Year + 1, Deadline = new DateOnly(2027, 2, 1) }));
        Assert.Equal(Access.Forbidden, forbidden);
    }

    [Fact]
    public async Task Bad_figures_get_field_errors_and_nothing_is_stored()
    {
        var analysisId = await HealthGroupThreeAsync();
        var task = await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health);

        var (_, negative) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task, i => Line(i, task, "Group 3", "Neglect basic training").Needed = "-1"));
        Assert.Contains("must be 0 or more", Assert.Single(negative.Errors).Message);
        var (_, fraction) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task, i => i.Groups[0].PlannedStarters = "2.5"));
        Assert.Equal("Groups[0].PlannedStarters", Assert.Single(fraction.Errors).Field);
        Assert.Contains("whole number", fraction.Errors[0].Message);
        var (_, noReason) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task, i => Line(i, task, "Group 3", "Neglect advanced training").Needed = "4"));
        var reason = Assert.Single(noReason.Errors);
        Assert.EndsWith(".Reason", reason.Field);
        Assert.Contains("from 2 to 4", reason.Message);
        var (_, huge) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task, i =>
        {
            Line(i, task, "Group 3", "Neglect advanced training").Needed = "21";
            Line(i, task, "Group 3", "Neglect advanced training").Reason = "Merger with the community trust";
        }));
        Assert.Contains("more than ten times", Assert.Single(huge.Errors).Message);

        Assert.Equal(0, await portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<TnaSubmission>().CountAsync()));

        var (_, confirmed) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task, i =>
        {
            Line(i, task, "Group 3", "Neglect advanced training").Needed = "21";
            Line(i, task, "Group 3", "Neglect advanced training").Reason = "Merger with the community trust";
            i.ConfirmLargeFigures = true;
        }));
        Assert.True(confirmed.Succeeded);
    }

    [Fact]
    public async Task A_form_with_a_group_and_a_line_posted_twice_saves_each_once()
    {
        var analysisId = await HealthGroupThreeAsync();
        var task = await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health);
        var input = Figures(task);
        var third = task.Groups.ToList().FindIndex(g => g.Name.StartsWith("Group 3", StringComparison.Ordinal));
        input.Groups[third].Lines.Add(new TnaLineInput { RequirementId = task.Groups[third].Lines[0].RequirementId, Needed = "7", Reason = "Again" });
        input.Groups.Add(new TnaGroupInput { WorkforceGroupId = task.Groups[third].WorkforceGroupId, PlannedStarters = "9" });

        var (_, saved) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, input);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));
        var group = (await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health)).Groups[third];
        Assert.Equal(0, group.PlannedStarters);
        Assert.Equal(2, group.Lines[0].Needed);
    }

    [Fact]
    public async Task Another_agencys_lead_is_refused_and_a_submission_after_the_deadline_is_an_error()
    {
        var analysisId = await HealthGroupThreeAsync();
        var task = await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health);

        var (readAccess, _) = await portal.As(portal.PoliceLead, s => s.GetRequiredService<TnaSubmissions>().TaskAsync(analysisId, portal.Health));
        Assert.Equal(Access.Forbidden, readAccess);
        var (writeAccess, _) = await portal.SaveAsync(portal.PoliceLead, analysisId, portal.Health, Figures(task));
        Assert.Equal(Access.Forbidden, writeAccess);

        portal.MoveTo(new DateOnly(2027, 1, 30));
        var (access, late) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task));
        Assert.Equal(Access.Allowed, access);
        Assert.Contains("closed on 29 January 2027", Assert.Single(late.Errors).Message);
        Assert.False((await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health)).CanEdit);
    }

    [Fact]
    public async Task The_gap_adds_submitted_figures_and_starters_to_computed_ones_and_counts_only_places_in_the_year_not_cancelled()
    {
        var analysisId = await HealthGroupThreeAsync();
        await portal.StaffAsync(portal.Police, "G2");
        await portal.ScheduleAsync("NEG-ADV", new DateOnly(2027, 5, 12), capacity: 3);
        await portal.ScheduleAsync("NEG-ADV", new DateOnly(2027, 6, 9), capacity: 20, cancelled: true);
        await portal.ScheduleAsync("NEG-ADV", new DateOnly(2027, 3, 17), capacity: 50);
        var task = await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health);

        var (_, submitted) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task, i =>
        {
            Line(i, task, "Group 3", "Neglect advanced training").Needed = "4";
            Line(i, task, "Group 3", "Neglect advanced training").Reason = "Two health visitors transfer in from the south locality";
            i.Groups[task.Groups.ToList().FindIndex(g => g.Name.StartsWith("Group 3", StringComparison.Ordinal))].PlannedStarters = "1";
        }));
        Assert.True(submitted.Succeeded, string.Join("; ", submitted.Errors.Select(e => e.Message)));
        Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, TnaMail.SubmittedCategory));

        var gap = await portal.GapAsync(analysisId);
        var advanced = gap.Courses.Single(c => c.Requirement == "Neglect advanced training");
        Assert.Equal(4 + 1 + 1, advanced.Needed); // Health's figure and starter, Police's computed one
        Assert.Equal(3, advanced.Places);
        Assert.Equal(3, advanced.Gap);
        var basic = gap.Courses.Single(c => c.Requirement == "Neglect basic training");
        Assert.True(basic.IsELearning);
        Assert.Equal(2 + 1 + 1, basic.Needed);
        Assert.Equal(0, basic.Gap);
        var gcp2 = gap.Courses.Single(c => c.Requirement == "GCP2 practitioner");
        Assert.Equal(1 + 1, gcp2.Needed);
        Assert.Equal(TnaAgencyState.Submitted, gap.Agencies.Single(a => a.AgencyId == portal.Health).State);
        Assert.Equal(TnaAgencyState.NotStarted, gap.Agencies.Single(a => a.AgencyId == portal.Police).State);
        Assert.Equal(5, gap.Sectors.Single(s => s.Sector == "Health").For(advanced.RequirementId));
        Assert.Equal(1, gap.Sectors.Single(s => s.Sector == "Police").For(advanced.RequirementId));
        Assert.DoesNotContain(gap.Agencies, a => a.MissedDeadline);

        portal.MoveTo(new DateOnly(2027, 2, 1));
        var closed = await portal.GapAsync(analysisId);
        Assert.True(Assert.Single(closed.Agencies, a => a.AgencyId == portal.Police).MissedDeadline);
        Assert.False(closed.Agencies.Single(a => a.AgencyId == portal.Health).MissedDeadline);
    }

    [Fact]
    public async Task The_training_unit_reopens_a_submission_with_a_reason_the_lead_is_told_and_submits_again()
    {
        var analysisId = await HealthGroupThreeAsync();
        var task = await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health);
        Assert.True((await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task))).Result.Succeeded);
        var (_, again) = await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(task));
        Assert.Contains("already been submitted", Assert.Single(again.Errors).Message);

        var (leadAccess, _) = await portal.As(portal.HealthLead, s => s.GetRequiredService<TnaSubmissions>().ReopenAsync(analysisId, portal.Health, new ReopenInput { Reason = "Mine" }));
        Assert.Equal(Access.Forbidden, leadAccess);
        var (_, noReason) = await portal.As(portal.Coordinator, s => s.GetRequiredService<TnaSubmissions>().ReopenAsync(analysisId, portal.Health, new ReopenInput()));
        Assert.Equal(nameof(ReopenInput.Reason), Assert.Single(noReason.Errors).Field);
        var (_, reopened) = await portal.As(portal.Coordinator, s => s.GetRequiredService<TnaSubmissions>().ReopenAsync(analysisId, portal.Health, new ReopenInput { Reason = "Include the school nursing team" }));
        Assert.True(reopened.Succeeded);

        Assert.Contains("Include the school nursing team", Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, TnaMail.ReopenedCategory)).TextBody);
        var reopenedTask = await portal.TaskAsync(portal.HealthLead, analysisId, portal.Health);
        Assert.True(reopenedTask.CanEdit);
        Assert.Equal(TnaAgencyState.Draft, (await portal.GapAsync(analysisId)).Agencies.Single(a => a.AgencyId == portal.Health).State);
        Assert.True((await portal.SaveAsync(portal.HealthLead, analysisId, portal.Health, Figures(reopenedTask))).Result.Succeeded);
    }

    [Fact]
    public async Task The_workbook_holds_the_gap_by_course_agency_and_sector_and_the_download_is_audited()
    {
        var analysisId = await HealthGroupThreeAsync();

        var file = await portal.As(portal.Coordinator, s => s.GetRequiredService<TnaExport>().WorkbookAsync(analysisId));

        using var package = new ExcelPackage(new MemoryStream(file!.Value.Workbook));
        var courses = package.Workbook.Worksheets["Gap by course"];
        var advancedRow = Enumerable.Range(5, 3).Single(r => courses.Cells[r, 1].Text == "Neglect advanced training");
        Assert.Equal("2", courses.Cells[advancedRow, 4].Text);
        Assert.Equal("0", courses.Cells[advancedRow, 5].Text);
        Assert.Equal("Places short", courses.Cells[advancedRow, 7].Text);
        var agencies = package.Workbook.Worksheets["By agency"];
        var healthRow = Enumerable.Range(5, 60).Single(r => agencies.Cells[r, 1].Text == "Northshire Community Health");
        Assert.Equal("Not submitted yet: computed figures for now", agencies.Cells[healthRow, 3].Text);
        Assert.NotNull(package.Workbook.Worksheets["By sector"]);
        Assert.True(await portal.As(portal.Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<AuditEntry>().AnyAsync(a => a.Action == "Training needs analysis exported")));
    }
}

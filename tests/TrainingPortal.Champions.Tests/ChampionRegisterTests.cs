using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Data;

namespace TrainingPortal.Champions.Tests;

public sealed class ChampionRegisterTests : IAsyncLifetime
{
    private ChampionsPortal portal = null!;

    public async Task InitializeAsync() => portal = await ChampionsPortal.StartAsync();

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    [Fact]
    public async Task Approving_a_nomination_puts_the_person_on_the_register_gives_them_the_champion_role_and_tells_them_and_the_lead()
    {
        var (nurse, account) = await portal.StaffWithAccountAsync(portal.Health, "Nina Nurse", startDate: new DateOnly(2024, 1, 8));
        var championId = await portal.NominatedAsync(portal.HealthLead, portal.Health, nurse);
        Assert.Single(await portal.OutboxAsync(portal.Coordinator.Email, ChampionMail.NominatedCategory));
        Assert.False(await portal.HoldsChampionRoleAsync(account));

        Assert.True((await portal.DecideAsync(championId, DecisionInput.Approve)).Succeeded);

        var entry = await portal.EntryAsync(championId);
        Assert.Equal(SpellStatus.Active, entry.Open!.Status);
        Assert.Equal("Early years", entry.AreaOfInterest);
        Assert.True(await portal.HoldsChampionRoleAsync(account));
        Assert.Single(await portal.OutboxAsync(account.Email, ChampionMail.ApprovedCategory));
        Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, ChampionMail.ApprovedCategory));
        var (_, lines) = await portal.As(portal.HealthLead, s => s.GetRequiredService<ChampionRegister>().ListAsync(portal.Health, 1));
        Assert.Equal("Nina Nurse", Assert.Single(lines!.Items).Name);
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_the_nominee_and_lead_are_told()
    {
        var (nurse, account) = await portal.StaffWithAccountAsync(portal.Health, "Dora Declined");
        var championId = await portal.NominatedAsync(portal.HealthLead, portal.Health, nurse);

        var refused = await portal.DecideAsync(championId, DecisionInput.Decline, reason: "  ");
        Assert.Equal(nameof(DecisionInput.Reason), Assert.Single(refused.Errors).Field);
        Assert.Equal(SpellStatus.Nominated, (await portal.EntryAsync(championId)).Open!.Status);

        Assert.True((await portal.DecideAsync(championId, DecisionInput.Decline, reason: "Already champions two teams")).Succeeded);
        var entry = await portal.EntryAsync(championId);
        Assert.Null(entry.Open);
        Assert.Equal(SpellStatus.Declined, entry.Spells[0].Status);
        Assert.False(await portal.HoldsChampionRoleAsync(account));
        Assert.Contains("Already champions two teams", Assert.Single(await portal.OutboxAsync(account.Email, ChampionMail.DeclinedCategory)).TextBody);
        Assert.Single(await portal.OutboxAsync(portal.HealthLead.Email, ChampionMail.DeclinedCategory));
    }

    [Fact]
    public async Task A_leaver_cannot_be_nominated()
    {
        var leaver = await portal.StaffAsync(portal.Health, "Lee Leaver", startDate: new DateOnly(2023, 1, 1), leavingDate: portal.Today.AddDays(-3));

        var (access, result) = await portal.NominateAsync(portal.HealthLead, portal.Health, leaver);

        Assert.Equal(Access.Allowed, access);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(NominationInput.PractitionerId), error.Field);
        Assert.Contains("left the agency", error.Message);
    }

    [Fact]
    public async Task A_start_date_in_the_future_or_before_they_joined_is_refused()
    {
        var nurse = await portal.StaffAsync(portal.Health, "Fay Future", startDate: new DateOnly(2025, 9, 1));

        var (_, future) = await portal.NominateAsync(portal.HealthLead, portal.Health, nurse, startDate: portal.Today.AddDays(1));
        var (_, early) = await portal.NominateAsync(portal.HealthLead, portal.Health, nurse, startDate: new DateOnly(2025, 8, 31));

        Assert.Contains("today or in the past", Assert.Single(future.Errors, e => e.Field == nameof(NominationInput.StartDate)).Message);
        Assert.Contains("started at the agency", Assert.Single(early.Errors, e => e.Field == nameof(NominationInput.StartDate)).Message);
    }

    [Fact]
    public async Task A_second_open_spell_in_the_same_agency_is_refused()
    {
        var nurse = await portal.StaffAsync(portal.Health, "Sam Second");
        await portal.ChampionAsync(portal.HealthLead, portal.Health, nurse);

        var (_, again) = await portal.NominateAsync(portal.HealthLead, portal.Health, nurse);

        Assert.Contains("already a champion", Assert.Single(again.Errors).Message);
    }

    [Fact]
    public async Task Another_agencys_lead_is_forbidden_its_register_entries_and_staff()
    {
        var nurse = await portal.StaffAsync(portal.Health, "Olive Other");
        var championId = await portal.ChampionAsync(portal.HealthLead, portal.Health, nurse);

        var (listAccess, _) = await portal.As(portal.PoliceLead, s => s.GetRequiredService<ChampionRegister>().ListAsync(portal.Health, 1));
        var (entryAccess, entry) = await portal.As(portal.PoliceLead, s => s.GetRequiredService<ChampionRegister>().EntryAsync(championId));
        var (nominateOther, _) = await portal.NominateAsync(portal.PoliceLead, portal.Health, nurse);
        var (nominateUnseen, _) = await portal.NominateAsync(portal.PoliceLead, portal.Police, nurse);

        Assert.Equal(Access.Forbidden, listAccess);
        Assert.Equal(Access.Forbidden, entryAccess);
        Assert.Null(entry);
        Assert.Equal(Access.Forbidden, nominateOther);
        Assert.Equal(Access.Forbidden, nominateUnseen);
    }

    [Fact]
    public async Task The_lapse_job_lapses_a_leaver_on_their_leaving_date_and_takes_the_role_only_when_no_agency_has_them_active()
    {
        var (nurse, account) = await portal.StaffWithAccountAsync(portal.Health, "Mo Moving");
        await portal.StaffAsync(portal.Police, "Mo Moving", email: account.Email);
        var healthEntry = await portal.ChampionAsync(portal.HealthLead, portal.Health, nurse);
        await portal.ChampionAsync(portal.PoliceLead, portal.Police, nurse);
        var leavesHealth = portal.Today.AddDays(10);
        await portal.LeavesAsync(portal.Health, nurse, leavesHealth);

        Assert.Equal(0, await portal.RunLapseJobAsync());
        Assert.Equal(SpellStatus.Active, (await portal.EntryAsync(healthEntry)).Spells[0].Status);
        portal.MoveTo(leavesHealth);
        Assert.Equal(1, await portal.RunLapseJobAsync());
        Assert.Equal(0, await portal.RunLapseJobAsync());

        var lapsed = (await portal.EntryAsync(healthEntry)).Spells[0];
        Assert.Equal(SpellStatus.Lapsed, lapsed.Status);
        Assert.Equal(leavesHealth, lapsed.EndDate);
        Assert.True(await portal.HoldsChampionRoleAsync(account), "still an active champion for the police");
        var active = await portal.App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().SpellsActiveOn(portal.Today).Where(a => a.PractitionerId == nurse).Select(a => a.AgencyId).ToListAsync());
        Assert.Equal(portal.Police, Assert.Single(active));

        var leavesPolice = portal.Today.AddDays(5);
        await portal.LeavesAsync(portal.Police, nurse, leavesPolice);
        portal.MoveTo(leavesPolice);
        Assert.Equal(1, await portal.RunLapseJobAsync());
        Assert.False(await portal.HoldsChampionRoleAsync(account));
    }

    [Fact]
    public async Task Champions_without_current_advanced_training_are_flagged_until_they_complete_the_induction()
    {
        var nurse = await portal.StaffAsync(portal.Health, "Ada Advanced");
        var championId = await portal.ChampionAsync(portal.HealthLead, portal.Health, nurse);
        await portal.CompletedAsync(nurse, "NEG-BASIC", portal.Today);

        Assert.True((await portal.EntryAsync(championId)).MissingAdvancedTraining);
        var before = await portal.As(portal.Coordinator, s => s.GetRequiredService<ChampionRegister>().CountsAsync());
        Assert.Equal(1, before.Single(c => c.AgencyId == portal.Health).WithoutAdvancedTraining);

        await portal.CompletedAsync(nurse, "CHAMP-IND", portal.Today);

        Assert.False((await portal.EntryAsync(championId)).MissingAdvancedTraining);
    }

    [Fact]
    public async Task Exporting_an_agencys_register_lists_its_champions_and_is_audited()
    {
        var nurse = await portal.StaffAsync(portal.Health, "Ezra Export");
        await portal.ChampionAsync(portal.HealthLead, portal.Health, nurse);

        var (access, workbook, fileName) = await portal.As(portal.HealthLead, s => s.GetRequiredService<ChampionExport>().WorkbookAsync(portal.Health));
        var (otherAccess, _, _) = await portal.As(portal.PoliceLead, s => s.GetRequiredService<ChampionExport>().WorkbookAsync(portal.Health));

        Assert.Equal(Access.Allowed, access);
        Assert.Equal(Access.Forbidden, otherAccess);
        Assert.EndsWith(".xlsx", fileName);
        using var package = new ExcelPackage(new MemoryStream(workbook!));
        var sheet = package.Workbook.Worksheets.First();
        Assert.Equal("Ezra Export", sheet.Cells[5, 2].Text);
        Assert.Equal("Active", sheet.Cells[5, 4].Text);
        Assert.Equal("Missing", sheet.Cells[5, 7].Text);
        var audited = await portal.App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries
            .Where(e => e.Action == "Champion register exported" && e.SubjectId == portal.Health.ToString()).ToListAsync());
        Assert.Equal(portal.HealthLead.UserId, Assert.Single(audited).UserId);
    }

    [Fact]
    public async Task Stepping_down_ends_the_spell_with_the_reason_and_takes_the_role()
    {
        var (nurse, account) = await portal.StaffWithAccountAsync(portal.Health, "Stella Step");
        var championId = await portal.ChampionAsync(portal.HealthLead, portal.Health, nurse);

        var (_, noReason) = await portal.As(portal.HealthLead, s => s.GetRequiredService<ChampionRegister>().StepDownAsync(championId, new StepDownInput()));
        var (_, done) = await portal.As(portal.HealthLead, s => s.GetRequiredService<ChampionRegister>().StepDownAsync(championId, new StepDownInput { Reason = "Moving to a new role" }));

        Assert.Equal(nameof(StepDownInput.Reason), Assert.Single(noReason.Errors).Field);
        Assert.True(done.Succeeded);
        var spell = (await portal.EntryAsync(championId)).Spells[0];
        Assert.Equal(SpellStatus.SteppedDown, spell.Status);
        Assert.Equal("Moving to a new role", spell.Reason);
        Assert.False(await portal.HoldsChampionRoleAsync(account));
    }
}

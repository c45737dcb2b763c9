using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Services;

namespace TrainingPortal.Compliance.Tests;

public sealed class ComplianceCalculatorTests : IAsyncLifetime
{
    private CompliancePortal portal = null!;

    public async Task InitializeAsync() => portal = await CompliancePortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task<IReadOnlyList<MembershipNeeds>> NeedsAsync(Guid practitionerId) =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<ComplianceCalculator>().NeedsAsync(practitionerId));

    private async Task<ComplianceStatus?> StatusAsync(Guid agencyId, Guid practitionerId, string requirement)
    {
        var id = await portal.RequirementIdAsync(requirement);
        var list = await portal.As(portal.Coordinator, s => s.GetRequiredService<ComplianceDashboard>().ListAsync(agencyId, new ComplianceFilter(), 1));
        return list.People!.Items.SingleOrDefault(p => p.PractitionerId == practitionerId)?.StatusOf(id);
    }

    private Task<AgencyDashboard> DashboardAsync(Guid agencyId) =>
        portal.As(portal.Coordinator, async s => (await s.GetRequiredService<ComplianceDashboard>().ForAgencyAsync(agencyId)).Dashboard!);

    [Fact]
    public async Task Each_requirement_of_the_group_gets_the_status_of_the_best_record()
    {
        var person = await portal.StaffAsync(portal.Health, "G3");
        // Basic awareness lasts 36 months: this one expires on 1 June 2026, today.
        await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2023, 6, 1));
        await portal.CompletedAsync(person, "NEG-ADV", new DateOnly(2023, 7, 15));

        Assert.Equal(ComplianceStatus.Expired, await StatusAsync(portal.Health, person, CompliancePortal.Basic));
        Assert.Equal(ComplianceStatus.DueSoon, await StatusAsync(portal.Health, person, CompliancePortal.Advanced));
        Assert.Equal(ComplianceStatus.Missing, await StatusAsync(portal.Health, person, CompliancePortal.Gcp2));

        await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2026, 5, 20));
        Assert.Equal(ComplianceStatus.Met, await StatusAsync(portal.Health, person, CompliancePortal.Basic));
    }

    [Fact]
    public async Task The_database_and_the_rules_agree_on_the_edges_of_the_due_soon_window()
    {
        // 60-day window from 1 June 2026: an expiry on 31 July is the last due-soon day, 1 August is met.
        var lastDueSoon = await portal.StaffAsync(portal.Health, "G1");
        await portal.CompletedAsync(lastDueSoon, "NEG-BASIC", new DateOnly(2023, 7, 31));
        var firstMet = await portal.StaffAsync(portal.Health, "G1");
        await portal.CompletedAsync(firstMet, "NEG-BASIC", new DateOnly(2023, 8, 1));
        var expiresTomorrow = await portal.StaffAsync(portal.Health, "G1");
        await portal.CompletedAsync(expiresTomorrow, "NEG-BASIC", new DateOnly(2023, 6, 2));

        Assert.Equal(ComplianceStatus.DueSoon, await StatusAsync(portal.Health, lastDueSoon, CompliancePortal.Basic));
        Assert.Equal(ComplianceStatus.Met, await StatusAsync(portal.Health, firstMet, CompliancePortal.Basic));
        Assert.Equal(ComplianceStatus.DueSoon, await StatusAsync(portal.Health, expiresTomorrow, CompliancePortal.Basic));
        var needs = await NeedsAsync(lastDueSoon);
        Assert.Equal(ComplianceStatus.DueSoon, needs.Single().Requirements.Single().Status);
    }

    [Fact]
    public async Task An_alternative_course_meets_the_requirement()
    {
        var trainer = await portal.StaffAsync(portal.Health, "G3");
        await portal.CompletedAsync(trainer, "GCP2-TTT", new DateOnly(2025, 3, 1));

        Assert.Equal(ComplianceStatus.Met, await StatusAsync(portal.Health, trainer, CompliancePortal.Gcp2));
    }

    [Fact]
    public async Task Someone_working_for_two_agencies_is_assessed_in_each_from_the_same_records()
    {
        var person = await portal.StaffAsync(portal.Health, "G1", email: "bank.nurse@staff.example");
        await portal.StaffAsync(portal.Police, "G2", email: "bank.nurse@staff.example");
        await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2026, 1, 10));

        Assert.Null(await StatusAsync(portal.Health, person, CompliancePortal.Advanced));
        Assert.Equal(ComplianceStatus.Met, await StatusAsync(portal.Health, person, CompliancePortal.Basic));
        Assert.Equal(ComplianceStatus.Met, await StatusAsync(portal.Police, person, CompliancePortal.Basic));
        Assert.Equal(ComplianceStatus.Missing, await StatusAsync(portal.Police, person, CompliancePortal.Advanced));
        Assert.Equal(100, (await DashboardAsync(portal.Health)).PercentCompliant);
        Assert.Equal(0, (await DashboardAsync(portal.Police)).PercentCompliant);
    }

    [Fact]
    public async Task Leavers_drop_out_of_current_compliance()
    {
        await portal.StaffAsync(portal.Health, "G1");
        var leaver = await portal.StaffAsync(portal.Health, "G1", leavingDate: portal.Today);

        var dashboard = await DashboardAsync(portal.Health);
        Assert.Equal(1, dashboard.CurrentStaff);
        Assert.Null(await StatusAsync(portal.Health, leaver, CompliancePortal.Basic));
    }

    [Fact]
    public async Task Changing_someones_group_changes_what_they_need()
    {
        var person = await portal.StaffAsync(portal.Health, "G1", name: "Gail Mover");
        await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2026, 1, 10));
        Assert.Equal(100, (await DashboardAsync(portal.Health)).PercentCompliant);

        await portal.As(portal.Coordinator, async s =>
        {
            var records = s.GetRequiredService<StaffRecords>();
            var groups = await s.GetRequiredService<WorkforceGroups>().ListAsync();
            var (_, record) = await records.GetAsync(portal.Health, person);
            var result = await records.UpdateAsync(portal.Health, person, new StaffInput
            {
                FirstName = record!.FirstName, LastName = record.LastName, Email = record.Email, JobTitle = record.JobTitle,
                WorkforceGroupId = groups.Single(g => g.Code == "G2").Id,
            });
            Assert.True(result.Succeeded);
        });

        var dashboard = await DashboardAsync(portal.Health);
        Assert.Equal(0, dashboard.PercentCompliant);
        Assert.Equal(ComplianceStatus.Missing, await StatusAsync(portal.Health, person, CompliancePortal.Advanced));
    }

    [Fact]
    public async Task The_dashboard_counts_each_requirement_and_each_team()
    {
        var east = await portal.TeamAsync(portal.Health, "East");
        var west = await portal.TeamAsync(portal.Health, "West");
        var a = await portal.StaffAsync(portal.Health, "G2", teamId: east);
        var b = await portal.StaffAsync(portal.Health, "G2", teamId: east);
        await portal.StaffAsync(portal.Health, "G1", teamId: west);
        await portal.CompletedAsync(a, "NEG-BASIC", new DateOnly(2026, 1, 10));
        await portal.CompletedAsync(a, "NEG-ADV", new DateOnly(2026, 2, 10));
        await portal.CompletedAsync(b, "NEG-BASIC", new DateOnly(2023, 6, 20));

        var dashboard = await DashboardAsync(portal.Health);

        Assert.Equal(3, dashboard.CurrentStaff);
        Assert.Equal(3, dashboard.StaffWithRequirements);
        Assert.Equal(1, dashboard.StaffCompliant);
        Assert.Equal(33, dashboard.PercentCompliant);
        var basic = dashboard.ByRequirement.Single(r => r.Requirement.Name == CompliancePortal.Basic).Counts;
        Assert.Equal(new StatusCounts(1, 1, 0, 1), basic);
        var advanced = dashboard.ByRequirement.Single(r => r.Requirement.Name == CompliancePortal.Advanced).Counts;
        Assert.Equal(new StatusCounts(1, 0, 0, 1), advanced);
        var eastTeam = dashboard.ByTeam.Single(t => t.Name == "East");
        Assert.Equal((2, 1), (eastTeam.People, eastTeam.PeopleCompliant));
        Assert.Equal(new StatusCounts(2, 1, 0, 1), eastTeam.Counts);
        var westTeam = dashboard.ByTeam.Single(t => t.Name == "West");
        Assert.Equal(new StatusCounts(0, 0, 0, 1), westTeam.Counts);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_requirement()
    {
        var met = await portal.StaffAsync(portal.Health, "G2", name: "Ann Met");
        var missing = await portal.StaffAsync(portal.Health, "G2", name: "Bob Missing");
        await portal.CompletedAsync(met, "NEG-BASIC", new DateOnly(2026, 1, 10));
        var advanced = await portal.RequirementIdAsync(CompliancePortal.Advanced);
        var basic = await portal.RequirementIdAsync(CompliancePortal.Basic);

        async Task<string[]> Names(ComplianceFilter filter) => await portal.As(portal.HealthLead, async s =>
            (await s.GetRequiredService<ComplianceDashboard>().ListAsync(portal.Health, filter, 1)).People!.Items.Select(p => p.Name).ToArray());

        Assert.Equal(["Ann Met", "Bob Missing"], await Names(new ComplianceFilter(Status: ComplianceStatus.Missing)));
        Assert.Equal(["Bob Missing"], await Names(new ComplianceFilter(Status: ComplianceStatus.Missing, RequirementId: basic)));
        Assert.Equal(["Ann Met"], await Names(new ComplianceFilter(Status: ComplianceStatus.Met, RequirementId: basic)));
        Assert.Empty(await Names(new ComplianceFilter(Status: ComplianceStatus.Met, RequirementId: advanced)));
        Assert.Equal(["Bob Missing"], await Names(new ComplianceFilter(Search: "missing")));
    }

    [Fact]
    public async Task A_lead_cannot_see_another_agencys_compliance()
    {
        await portal.StaffAsync(portal.Police, "G2");

        var (dashboardAccess, dashboard) = await portal.As(portal.HealthLead, s => s.GetRequiredService<ComplianceDashboard>().ForAgencyAsync(portal.Police));
        var (listAccess, list) = await portal.As(portal.HealthLead, s => s.GetRequiredService<ComplianceDashboard>().ListAsync(portal.Police, new ComplianceFilter(), 1));

        Assert.Equal(Access.Forbidden, dashboardAccess);
        Assert.Null(dashboard);
        Assert.Equal(Access.Forbidden, listAccess);
        Assert.Null(list);
    }

    [Fact]
    public async Task The_partnership_heatmap_counts_every_agency()
    {
        var nurse = await portal.StaffAsync(portal.Health, "G1");
        await portal.StaffAsync(portal.Police, "G1");
        await portal.CompletedAsync(nurse, "NEG-BASIC", new DateOnly(2026, 1, 10));
        var basic = await portal.RequirementIdAsync(CompliancePortal.Basic);

        var heatmap = await portal.As(portal.Coordinator, s => s.GetRequiredService<ComplianceDashboard>().PartnershipAsync());

        Assert.Equal(new StatusCounts(1, 0, 0, 0), heatmap.Agencies.Single(a => a.AgencyId == portal.Health).CountsFor(basic));
        Assert.Equal(new StatusCounts(0, 0, 0, 1), heatmap.Agencies.Single(a => a.AgencyId == portal.Police).CountsFor(basic));
        Assert.Equal(50, heatmap.Totals[basic].PercentCompliant);
    }
}

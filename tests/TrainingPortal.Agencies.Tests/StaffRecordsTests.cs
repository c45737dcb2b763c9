using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Agencies.Tests;

public sealed class StaffRecordsTests : IDisposable
{
    private readonly ModuleDatabase database = new();
    private readonly TestClock clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Guid health;
    private readonly Guid police;
    private readonly int group2;

    public StaffRecordsTests()
    {
        using var db = database.CreateContext();
        var sector = new Sector { Name = "Health", Order = 1 };
        db.Add(sector);
        var group = new WorkforceGroup { Code = "G2", Name = "Group 2: Regular contact", Order = 2 };
        db.Add(group);
        db.SaveChanges();
        health = Guid.NewGuid();
        police = Guid.NewGuid();
        db.Add(new Agency { Id = health, Name = "Community Health Trust", SectorId = sector.Id, Teams = [new Team { Id = Guid.NewGuid(), Name = "Health visiting" }] });
        db.Add(new Agency { Id = police, Name = "Police", SectorId = sector.Id });
        db.SaveChanges();
        group2 = group.Id;
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_person_added_by_a_second_agency_with_the_same_email_keeps_one_learning_record()
    {
        await using var db = database.CreateContext();
        var staff = Staff(db, TestUser.Coordinator);

        var first = await staff.AddAsync(health, Input("Priya", "Shah", "Priya.Shah@health.example", "H-1"));
        var second = await staff.AddAsync(police, Input("Priya", "Shah", "priya.shah@health.example", "P-9"));

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(first.Value, second.Value);
        Assert.Equal(1, await db.Set<Practitioner>().CountAsync());
        Assert.Equal(2, await db.Set<AgencyMembership>().CountAsync(m => m.PractitionerId == first.Value));
        var (_, record) = await staff.GetAsync(police, first.Value);
        Assert.Equal(1, record!.OtherAgencyCount);
    }

    [Fact]
    public async Task An_employee_reference_already_used_in_the_agency_is_refused_but_may_repeat_in_another_agency()
    {
        await using var db = database.CreateContext();
        var staff = Staff(db, TestUser.Coordinator);
        await staff.AddAsync(health, Input("Amy", "Cole", null, "REF-1"));

        var clash = await staff.AddAsync(health, Input("Ben", "Dale", null, "REF-1"));
        var elsewhere = await staff.AddAsync(police, Input("Ben", "Dale", null, "REF-1"));

        var error = Assert.Single(clash.Errors);
        Assert.Equal("EmployeeReference", error.Field);
        Assert.Equal("Another member of staff already has employee reference REF-1", error.Message);
        Assert.True(elsewhere.Succeeded);
    }

    [Fact]
    public async Task Missing_names_group_and_a_leaving_date_before_the_start_are_all_reported_at_once()
    {
        await using var db = database.CreateContext();
        var input = new StaffInput { Email = "not-an-email", StartDate = new DateOnly(2025, 5, 1), LeavingDate = new DateOnly(2024, 1, 1) };

        var result = await Staff(db, TestUser.Coordinator).AddAsync(health, input);

        Assert.Equal(["FirstName", "LastName", "Email", "WorkforceGroupId", "LeavingDate"], result.Errors.Select(e => e.Field));
        Assert.Equal(0, await db.Set<Practitioner>().CountAsync());
    }

    [Fact]
    public async Task A_lead_cannot_add_or_read_staff_of_an_agency_they_do_not_lead()
    {
        var leadId = Guid.NewGuid();
        await using (var setup = database.CreateContext())
        {
            setup.Add(new AgencyLead { AgencyId = police, UserId = leadId });
            await setup.SaveChangesAsync();
        }
        await using var db = database.CreateContext();
        var coordinator = Staff(db, TestUser.Coordinator);
        var nurse = (await coordinator.AddAsync(health, Input("Nia", "Hughes", null, null))).Value;
        var lead = Staff(db, new TestUser(leadId, "lead@police.example", Roles.SafeguardingLead));

        var added = await lead.AddAsync(health, Input("Sneaky", "Addition", null, null));
        var (access, record) = await lead.GetAsync(health, nurse);
        var (listAccess, _) = await lead.ListAsync(health, new StaffFilter(), 1);
        var (ownAccess, own) = await lead.ListAsync(police, new StaffFilter(), 1);

        Assert.False(added.Succeeded);
        Assert.Equal(Access.Forbidden, access);
        Assert.Null(record);
        Assert.Equal(Access.Forbidden, listAccess);
        Assert.Equal(Access.Allowed, ownAccess);
        Assert.Equal(0, own!.TotalCount);
        Assert.Equal(1, await db.Set<Practitioner>().CountAsync());
    }

    [Fact]
    public async Task Changing_a_membership_records_who_changed_which_fields()
    {
        await using var db = database.CreateContext();
        var staff = Staff(db, TestUser.Coordinator);
        var id = (await staff.AddAsync(health, Input("Tom", "Reed", "tom.reed@health.example", "H-7"))).Value;
        var change = Input("Tom", "Reed", "tom.reed@health.example", "H-7");
        change.JobTitle = "Senior health visitor";
        change.LeavingDate = new DateOnly(2026, 5, 31);

        var result = await staff.UpdateAsync(health, id, change);

        Assert.True(result.Succeeded);
        var entry = await db.Set<AuditEntry>().Where(e => e.Action == "Membership changed").SingleAsync();
        Assert.Equal("coordinator@partnership.example", entry.UserName);
        Assert.Equal("Job title: Health visitor → Senior health visitor; Leaving date: (none) → 31 May 2026", entry.Details);
    }

    [Fact]
    public async Task Leavers_and_people_awaiting_confirmation_are_not_listed_as_current_staff()
    {
        await using var db = database.CreateContext();
        var staff = Staff(db, TestUser.Coordinator);
        await staff.AddAsync(health, Input("Current", "Person", null, "C-1"));
        var leaver = Input("Gone", "Person", null, "L-1");
        leaver.LeavingDate = new DateOnly(2026, 5, 1);
        await staff.AddAsync(health, leaver);
        var leavingLater = Input("Leaving", "Soon", null, "L-2");
        leavingLater.LeavingDate = new DateOnly(2026, 12, 31);
        await staff.AddAsync(health, leavingLater);
        var pending = new Practitioner { Id = Guid.NewGuid(), FirstName = "Waiting", LastName = "Person", Email = "waiting@health.example" };
        db.Add(pending);
        db.Add(new AgencyMembership { Id = Guid.NewGuid(), PractitionerId = pending.Id, AgencyId = health, Status = MembershipStatus.AwaitingConfirmation });
        await db.SaveChangesAsync();

        var current = (await staff.ListAsync(health, new StaffFilter(), 1)).Staff!;
        var leavers = (await staff.ListAsync(health, new StaffFilter(Status: StaffStatusFilter.Leavers), 1)).Staff!;
        var waiting = (await staff.ListAsync(health, new StaffFilter(Status: StaffStatusFilter.AwaitingConfirmation), 1)).Staff!;
        var byReference = (await staff.ListAsync(health, new StaffFilter(Search: "l-2"), 1)).Staff!;

        Assert.Equal(["Current Person", "Leaving Soon"], current.Items.Select(s => s.Name).Order());
        Assert.Equal("Gone Person", Assert.Single(leavers.Items).Name);
        Assert.Equal("Waiting Person", Assert.Single(waiting.Items).Name);
        Assert.Equal("Leaving Soon", Assert.Single(byReference.Items).Name);
    }

    [Fact]
    public async Task The_practitioners_recipe_step_applied_twice_adds_nobody_the_second_time()
    {
        var json = JsonDocument.Parse("""
            { "name": "Practitioners", "practitioners": [
              { "firstName": "Zara", "lastName": "Ali", "email": "zara.ali@health.example", "memberships": [
                { "agency": "Community Health Trust", "employeeReference": "H-100", "team": "Health visiting", "jobTitle": "Health visitor",
                  "workforceGroup": "G2", "frontline": true, "startDate": "2019-09-02", "leavingDate": null },
                { "agency": "Police", "employeeReference": "P-100", "team": null, "jobTitle": "Special constable", "workforceGroup": "G2", "frontline": false } ] } ] }
            """).RootElement;
        for (var run = 0; run < 2; run++)
        {
            await using var db = database.CreateContext();
            var step = (IRecipeStep)Activator.CreateInstance(
                typeof(StaffRecords).Assembly.GetType("TrainingPortal.Agencies.Recipes.PractitionersRecipeStep")!, db, (TimeProvider)clock)!;
            await step.ExecuteAsync(json, new RecipeContext { RecipeName = "test" }, CancellationToken.None);
        }

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Set<Practitioner>().CountAsync());
        var memberships = await check.Set<AgencyMembership>().Include(m => m.Team).OrderBy(m => m.EmployeeReference).ToListAsync();
        Assert.Equal(["H-100", "P-100"], memberships.Select(m => m.EmployeeReference));
        Assert.Equal("Health visiting", memberships[0].Team!.Name);
        Assert.Equal(new DateOnly(2019, 9, 2), memberships[0].StartDate);
    }

    private StaffRecords Staff(PortalDbContext db, ICurrentUser user) =>
        new(db, new AgencyScope(db, user), new AuditTrail(db, user, clock), clock);

    private StaffInput Input(string first, string last, string? email, string? reference) => new()
    {
        FirstName = first,
        LastName = last,
        Email = email,
        EmployeeReference = reference,
        JobTitle = "Health visitor",
        WorkforceGroupId = group2,
        IsFrontline = true,
    };
}

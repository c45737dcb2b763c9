using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Core;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Compliance.Tests;

/// <summary>
/// The whole application on a throwaway SQLite file set up with the neglect-partnership recipe, so the requirements are
/// the partnership's defaults (G1 basic; G2 basic + advanced; G3 basic + advanced + GCP2 practitioner), on a clock the
/// test moves. Two agencies with a lead each; staff are added through the product's own services.
/// </summary>
public sealed class CompliancePortal : IAsyncDisposable
{
    /// <summary>Monday 1 June 2026, 09:00 in the UK.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private int people;

    private CompliancePortal(PortalApp app, TestClock clock)
    {
        App = app;
        Clock = clock;
    }

    public PortalApp App { get; }

    public TestClock Clock { get; }

    public SignedInUser Coordinator { get; private set; } = null!;

    public Guid Health { get; private set; }

    public Guid Police { get; private set; }

    public SignedInUser HealthLead { get; private set; } = null!;

    public SignedInUser PoliceLead { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(Clock.UtcNow.UtcDateTime);

    public static async Task<CompliancePortal> StartAsync(PortalAppOptions? options = null)
    {
        var clock = new TestClock(Start);
        var app = await PortalApp.StartAsync((options ?? new PortalAppOptions()) with { Recipe = "neglect-partnership", Clock = clock });
        var portal = new CompliancePortal(app, clock);
        try
        {
            portal.Coordinator = await portal.AccountAsync("Cora", "Ordinator", Roles.TrainingCoordinator);
            portal.Health = await portal.AgencyAsync("Northshire Community Health", "Health");
            portal.Police = await portal.AgencyAsync("Northshire Police", "Police");
            portal.HealthLead = await portal.LeadAsync(portal.Health, "Hana", "Lead");
            portal.PoliceLead = await portal.LeadAsync(portal.Police, "Priya", "Lead");
            return portal;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    public Task<T> As<T>(SignedInUser user, Func<IServiceProvider, Task<T>> work) => App.AsUserAsync(user, work);

    public Task As(SignedInUser user, Func<IServiceProvider, Task> work) => App.AsUserAsync(user, work);

    public Task<SignedInUser> AccountAsync(string firstName, string lastName, params string[] roles) =>
        App.AccountAsync($"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@partnership.example".ToLowerInvariant(), firstName, lastName, roles);

    public Task<Guid> AgencyAsync(string name, string sector) => App.AgencyAsync(name, sector);

    public Task<SignedInUser> LeadAsync(Guid agencyId, string firstName, string lastName) =>
        App.LeadAsync(agencyId, $"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@lead.example".ToLowerInvariant(), firstName, lastName);

    /// <summary>A member of staff of <paramref name="agencyId"/> in workforce group <paramref name="group"/> ("G1"…), added by the coordinator.</summary>
    public async Task<Guid> StaffAsync(Guid agencyId, string group, string? name = null, Guid? teamId = null, string? email = null, DateOnly? leavingDate = null)
    {
        var n = Interlocked.Increment(ref people);
        var (first, last) = name is null ? ("Sam", $"Staff{n:D3}") : (name.Split(' ')[0], name.Split(' ')[1]);
        var added = await As(Coordinator, async s =>
        {
            var groupId = group == "" ? (int?)null : (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == group).Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = first, LastName = last, Email = email ?? $"{first}.{last}.{n}@staff.example".ToLowerInvariant(),
                WorkforceGroupId = groupId, TeamId = teamId, LeavingDate = leavingDate, JobTitle = "Practitioner",
            });
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        return added.Value;
    }

    public Task<Guid> TeamAsync(Guid agencyId, string name) => As(Coordinator, async s =>
    {
        Assert.True((await s.GetRequiredService<AgencyDirectory>().AddTeamAsync(agencyId, name)).Succeeded);
        return await s.GetRequiredService<PortalDbContext>().Set<Team>().Where(t => t.AgencyId == agencyId && t.Name == name).Select(t => t.Id).SingleAsync();
    });

    /// <summary>Records a completion of a course's current version, as e-learning and registers do.</summary>
    public Task CompletedAsync(Guid practitionerId, string courseCode, DateOnly completedOn) => As(Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var versionId = await db.Set<CourseVersion>().Where(v => v.CourseId == db.Set<Course>().Single(c => c.Code == courseCode).Id)
            .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(practitionerId, versionId, completedOn, TrainingSource.ELearning, null);
        await db.SaveChangesAsync();
    });

    /// <summary>Today in the UK.</summary>
    public DateOnly UkToday => UkTime.Today(Clock);

    /// <summary>Moves the clock to 09:00 UK time on <paramref name="day"/>.</summary>
    public void MoveTo(DateOnly day) => Clock.UtcNow = new DateTimeOffset(UkTime.ToUtc(day.ToDateTime(new TimeOnly(9, 0))), TimeSpan.Zero);

    /// <summary>A member of staff with no email address, as some imported staff records are.</summary>
    public async Task<Guid> StaffWithoutEmailAsync(Guid agencyId, string group, string name)
    {
        var added = await As(Coordinator, async s =>
        {
            var groupId = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == group).Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = name.Split(' ')[0], LastName = name.Split(' ')[1], WorkforceGroupId = groupId, JobTitle = "Practitioner",
            });
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        return added.Value;
    }

    /// <summary>
    /// A member of staff who has an account and has signed in, so their staff record is linked to it (as it is on
    /// their first visit) and they can choose their email preferences. With a password they can sign in over HTTP.
    /// </summary>
    public async Task<(Guid PractitionerId, SignedInUser User)> StaffWithAccountAsync(Guid agencyId, string group, string name, string? password = null)
    {
        var email = $"{name.Replace(' ', '.')}.{Interlocked.Increment(ref people)}@staff.example".ToLowerInvariant();
        var practitionerId = await StaffAsync(agencyId, group, name, email: email);
        var user = await App.AccountAsync(email, name.Split(' ')[0], name.Split(' ')[1], [Roles.Practitioner], password);
        Assert.Equal(practitionerId, await As(user, s => s.GetRequiredService<Learners>().EnsureCurrentAsync()));
        return (practitionerId, user);
    }

    /// <summary>The email address on a practitioner's record.</summary>
    public Task<string> EmailOfAsync(Guid practitionerId) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<Practitioner>().Where(p => p.Id == practitionerId).Select(p => p.Email!).SingleAsync());

    /// <summary>Emails queued to an address, oldest first, optionally of one category only.</summary>
    public Task<List<OutboxMessage>> OutboxAsync(string email, string? category = null) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress == email && (category == null || m.Category == category))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>Every email of a category, whoever it went to.</summary>
    public Task<List<OutboxMessage>> OutboxOfAsync(string category) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Category == category).OrderBy(m => m.CreatedAt).ToListAsync());

    public Task<Guid> RequirementIdAsync(string name) =>
        As(Coordinator, async s => (await s.GetRequiredService<ComplianceCalculator>().RequirementsAsync()).Single(r => r.Name == name).Id);

    public const string Basic = "Neglect basic training";
    public const string Advanced = "Neglect advanced training";
    public const string Gcp2 = "GCP2 practitioner";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Champions.Tests;

/// <summary>
/// The whole application on a throwaway database set up with the neglect-partnership recipe (so the catalogue has the
/// advanced course and the champion induction), on a clock the test moves. Two agencies with a lead each; staff are
/// added through the product's own services.
/// </summary>
public sealed class ChampionsPortal : IAsyncDisposable
{
    /// <summary>Monday 1 June 2026, 09:00 in the UK.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private int people;

    private ChampionsPortal(PortalApp app, TestClock clock)
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

    /// <summary>Today in the UK.</summary>
    public DateOnly Today => UkTime.Today(Clock);

    public static async Task<ChampionsPortal> StartAsync(PortalAppOptions? options = null)
    {
        var clock = new TestClock(Start);
        var app = await PortalApp.StartAsync((options ?? new PortalAppOptions()) with { Recipe = "neglect-partnership", Clock = clock });
        var portal = new ChampionsPortal(app, clock);
        try
        {
            portal.Coordinator = await portal.AccountAsync("Cora", "Ordinator", Roles.TrainingCoordinator);
            portal.Health = await app.AgencyAsync("Northshire Community Health", "Health");
            portal.Police = await app.AgencyAsync("Northshire Police", "Police");
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

    public Task<SignedInUser> LeadAsync(Guid agencyId, string firstName, string lastName) =>
        App.LeadAsync(agencyId, $"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@lead.example".ToLowerInvariant(), firstName, lastName);

    /// <summary>A member of staff of <paramref name="agencyId"/> in workforce group G2, added by the coordinator.</summary>
    public async Task<Guid> StaffAsync(Guid agencyId, string name, string? email = null, DateOnly? startDate = null, DateOnly? leavingDate = null)
    {
        var n = Interlocked.Increment(ref people);
        var (first, last) = (name.Split(' ')[0], name.Split(' ')[1]);
        var added = await As(Coordinator, async s =>
        {
            var groupId = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = first, LastName = last, Email = email ?? $"{first}.{last}.{n}@staff.example".ToLowerInvariant(),
                WorkforceGroupId = groupId, StartDate = startDate, LeavingDate = leavingDate, JobTitle = "Practitioner",
            });
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        return added.Value;
    }

    /// <summary>A member of staff who has an account linked to their staff record, as after their first sign-in.</summary>
    public async Task<(Guid PractitionerId, SignedInUser User)> StaffWithAccountAsync(Guid agencyId, string name, DateOnly? startDate = null)
    {
        var email = $"{name.Replace(' ', '.')}.{Interlocked.Increment(ref people)}@staff.example".ToLowerInvariant();
        var practitionerId = await StaffAsync(agencyId, name, email, startDate);
        var user = await App.AccountAsync(email, name.Split(' ')[0], name.Split(' ')[1], [Roles.Practitioner]);
        Assert.Equal(practitionerId, await As(user, s => s.GetRequiredService<Learners>().EnsureCurrentAsync()));
        return (practitionerId, user);
    }

    /// <summary>Records a completion of a course's current version, as e-learning and registers do.</summary>
    public Task CompletedAsync(Guid practitionerId, string courseCode, DateOnly completedOn) => As(Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var versionId = await db.Set<CourseVersion>().Where(v => v.CourseId == db.Set<Course>().Single(c => c.Code == courseCode).Id)
            .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(practitionerId, versionId, completedOn, TrainingSource.ELearning, null);
        await db.SaveChangesAsync();
    });

    /// <summary>Moves the clock to 09:00 UK time on <paramref name="day"/>.</summary>
    public void MoveTo(DateOnly day) => Clock.UtcNow = new DateTimeOffset(UkTime.ToUtc(day.ToDateTime(new TimeOnly(9, 0))), TimeSpan.Zero);

    /// <summary>Emails queued to an address, oldest first, optionally of one category only.</summary>
    public Task<List<OutboxMessage>> OutboxAsync(string email, string? category = null) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress == email && (category == null || m.Category == category))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());
}

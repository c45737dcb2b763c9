using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Sessions.Services;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Tests;

/// <summary>
/// The whole application on a throwaway database set up with the neglect-partnership recipe (basic training by
/// e-learning for every group, advanced face to face for groups 2 to 4, GCP2 practitioner or train-the-trainer for
/// group 3), on a clock the test moves. Two agencies with a lead each; staff and records are added through the
/// product's own services.
/// </summary>
public sealed class TnaPortal : IAsyncDisposable
{
    /// <summary>Tuesday 1 December 2026, 09:00 in the UK: planning April 2027 to March 2028.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public const int Year = 2027;

    private int people;

    private TnaPortal(PortalApp app, TestClock clock)
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

    public DateOnly Today => UkTime.Today(Clock);

    public static async Task<TnaPortal> StartAsync(TestDatabase database = TestDatabase.Sqlite)
    {
        var clock = new TestClock(Start);
        var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "neglect-partnership", Clock = clock });
        var portal = new TnaPortal(app, clock);
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

    public Task<SignedInUser> AccountAsync(string firstName, string lastName, params string[] roles) =>
        App.AccountAsync($"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@partnership.example".ToLowerInvariant(), firstName, lastName, roles);

    public Task<SignedInUser> LeadAsync(Guid agencyId, string firstName, string lastName) =>
        App.LeadAsync(agencyId, $"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@lead.example".ToLowerInvariant(), firstName, lastName);

    /// <summary>A member of staff in a workforce group ("G3"), added by the coordinator.</summary>
    public async Task<Guid> StaffAsync(Guid agencyId, string group, DateOnly? leavingDate = null)
    {
        var n = Interlocked.Increment(ref people);
        var added = await As(Coordinator, async s =>
        {
            var groupId = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == group).Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = "Staff", LastName = $"Member{n}", Email = $"staff.{n}@staff.example", WorkforceGroupId = groupId,
                StartDate = new DateOnly(2020, 1, 6), LeavingDate = leavingDate, JobTitle = "Practitioner",
            });
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        return added.Value;
    }

    /// <summary>Records a completion of a course's current version; its expiry follows from the course's validity.</summary>
    public Task CompletedAsync(Guid practitionerId, string courseCode, DateOnly completedOn) => As(Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var versionId = await db.Set<CourseVersion>().Where(v => v.CourseId == db.Set<Course>().Single(c => c.Code == courseCode).Id)
            .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(practitionerId, versionId, completedOn, TrainingSource.ELearning, null);
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>Opens the 2027 to 2028 TNA with a deadline at the end of January.</summary>
    public async Task<Guid> OpenAsync(DateOnly? deadline = null)
    {
        var (_, result) = await As(Coordinator, s => s.GetRequiredService<TnaCycle>().OpenAsync(new OpenTnaInput { StartYear = Year, Deadline = deadline ?? new DateOnly(2027, 1, 29) }));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    public async Task<TnaTask> TaskAsync(SignedInUser user, Guid analysisId, Guid agencyId)
    {
        var (access, task) = await As(user, s => s.GetRequiredService<TnaSubmissions>().TaskAsync(analysisId, agencyId));
        Assert.Equal(Access.Allowed, access);
        return task!;
    }

    public Task<(Access Access, Core.Results.OperationResult Result)> SaveAsync(SignedInUser user, Guid analysisId, Guid agencyId, TnaInput input, bool submit = true) =>
        As(user, s => s.GetRequiredService<TnaSubmissions>().SaveAsync(analysisId, agencyId, input, submit));

    public Task<TnaPartnershipView> GapAsync(Guid analysisId) => As(Coordinator, async s => (await s.GetRequiredService<TnaGap>().ForAsync(analysisId))!);

    /// <summary>Schedules a virtual session of a course on a day with a capacity; cancels it when asked.</summary>
    public async Task ScheduleAsync(string courseCode, DateOnly day, int capacity, bool cancelled = false)
    {
        var trainer = await AccountAsync("Tara", "Trainer", Roles.Trainer);
        var scheduled = await As(Coordinator, async s =>
        {
            var courseId = await s.GetRequiredService<PortalDbContext>().Set<Course>().Where(c => c.Code == courseCode).Select(c => c.Id).SingleAsync();
            var result = await s.GetRequiredService<SessionScheduler>().ScheduleAsync(new SessionInput
            {
                CourseId = courseId, Date = day, StartTime = "09:30", EndTime = "16:30", IsVirtual = true,
                JoiningLink = "https://meet.northshire-scp.example/neglect", Capacity = capacity, TrainerIds = [trainer.UserId],
            });
            if (result.Succeeded && cancelled)
            {
                Assert.True((await s.GetRequiredService<SessionScheduler>().CancelAsync(result.Value, "Trainer unavailable")).Succeeded);
            }
            return result;
        });
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>Moves the clock to 09:00 UK time on <paramref name="day"/>.</summary>
    public void MoveTo(DateOnly day) => Clock.UtcNow = new DateTimeOffset(UkTime.ToUtc(day.ToDateTime(new TimeOnly(9, 0))), TimeSpan.Zero);

    public Task<List<OutboxMessage>> OutboxAsync(string email, string? category = null) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress == email && (category == null || m.Category == category))
            .OrderBy(m => m.CreatedAt).ToListAsync());
}

using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Recipes;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Tests;

/// <summary>A person with a sign-in account and a learning record.</summary>
public sealed record Person(SignedInUser User, string Name, Guid PractitionerId)
{
    public string Email => User.Email;
}

/// <summary>
/// The whole application on a throwaway SQLite file, set up with the neglect-partnership recipe (so the curriculum is
/// the real one), on a clock the test moves. Two agencies, each with a safeguarding lead, a training coordinator and a
/// trainer are made through the product's own services. <see cref="As{T}"/> runs code as one request of a signed-in person.
/// </summary>
public sealed class SessionsPortal : IAsyncDisposable
{
    /// <summary>Monday 1 June 2026, 09:00 in the UK (08:00 UTC, summer time).</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private int people;

    private SessionsPortal(PortalApp app, TestClock clock)
    {
        App = app;
        Clock = clock;
    }

    public PortalApp App { get; }

    public TestClock Clock { get; }

    public SignedInUser Coordinator { get; private set; } = null!;

    public SignedInUser Trainer { get; private set; } = null!;

    public Guid Health { get; private set; }

    public Guid Police { get; private set; }

    public SignedInUser HealthLead { get; private set; } = null!;

    public SignedInUser PoliceLead { get; private set; } = null!;

    /// <summary>Moves the clock to a moment in UTC (backwards too).</summary>
    public void MoveTo(DateTime utc) => Clock.UtcNow = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>Today in the UK.</summary>
    public DateOnly Today => DateOnly.FromDateTime(UkTime.FromUtc(Clock.UtcNow.UtcDateTime));

    public static async Task<SessionsPortal> StartAsync(PortalAppOptions? options = null)
    {
        var clock = new TestClock(Start);
        var app = await PortalApp.StartAsync((options ?? new PortalAppOptions()) with { Recipe = "neglect-partnership", Clock = clock });
        var portal = new SessionsPortal(app, clock);
        try
        {
            portal.Coordinator = await portal.AccountAsync("Cora", "Ordinator", Roles.TrainingCoordinator);
            portal.Trainer = await portal.AccountAsync("Tariq", "Trainer", Roles.Trainer);
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

    /// <summary>Runs <paramref name="work"/> as one request of <paramref name="user"/>.</summary>
    public Task<T> As<T>(SignedInUser user, Func<IServiceProvider, Task<T>> work) => App.AsUserAsync(user, work);

    public Task As(SignedInUser user, Func<IServiceProvider, Task> work) => App.AsUserAsync(user, work);

    /// <summary>A sign-in account with <paramref name="roles"/>, made as an administrator would.</summary>
    public Task<SignedInUser> AccountAsync(string firstName, string lastName, params string[] roles) =>
        App.AccountAsync($"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@partnership.example".ToLowerInvariant(), firstName, lastName, roles);

    /// <summary>
    /// A practitioner of <paramref name="agencyId"/> (health when not given): the lead adds the staff record, the person
    /// gets an account and their first visit links their learning record. With <paramref name="basicAwareness"/> they have
    /// completed Neglect basic awareness, the prerequisite of the advanced and GCP2 courses.
    /// </summary>
    public async Task<Person> PractitionerAsync(string firstName, string lastName, Guid? agencyId = null, bool basicAwareness = true)
    {
        var agency = agencyId ?? Health;
        var email = $"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@staff.example".ToLowerInvariant();
        var added = await As(Coordinator, async s =>
        {
            // Group 3 (assessing and leading on neglect) needs basic, advanced and GCP2 practitioner training.
            var group = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G3").Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agency, new StaffInput
            {
                FirstName = firstName, LastName = lastName, Email = email, JobTitle = "Health visitor", WorkforceGroupId = group, IsFrontline = true,
            });
        });
        Assert.True(added.Succeeded, Errors(added));
        var user = await AccountWithEmailAsync(email, firstName, lastName, Roles.Practitioner);
        var practitionerId = await As(user, s => s.GetRequiredService<Learners>().EnsureCurrentAsync());
        Assert.Equal(added.Value, practitionerId);
        var person = new Person(user, $"{firstName} {lastName}", practitionerId);
        if (basicAwareness)
        {
            await CompletedAsync(person.PractitionerId, "NEG-BASIC", Today.AddMonths(-2));
        }
        return person;
    }

    /// <summary>Adds membership of another agency to a practitioner, as that agency's coordinator would.</summary>
    public async Task AlsoWorksForAsync(Person person, Guid agencyId)
    {
        var added = await As(Coordinator, async s =>
        {
            var group = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = person.Name.Split(' ')[0], LastName = person.Name.Split(' ')[1], Email = person.Email, JobTitle = "Bank nurse", WorkforceGroupId = group,
            });
        });
        Assert.True(added.Succeeded, Errors(added));
    }

    public Task<SignedInUser> LeadAsync(Guid agencyId, string firstName, string lastName) =>
        App.LeadAsync(agencyId, $"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@lead.example".ToLowerInvariant(), firstName, lastName);

    /// <summary>A trainer who holds the GCP2 trainer licence: they completed GCP2 train-the-trainer.</summary>
    public async Task<SignedInUser> Gcp2TrainerAsync(string firstName, string lastName)
    {
        var trainer = await AccountAsync(firstName, lastName, Roles.Trainer);
        var practitionerId = await As(trainer, s => s.GetRequiredService<Learners>().EnsureCurrentAsync());
        await CompletedAsync(practitionerId, "GCP2-TTT", Today.AddMonths(-1));
        return trainer;
    }

    /// <summary>Records a completion of a course's current version, as the catalogue does for e-learning and sessions.</summary>
    public Task CompletedAsync(Guid practitionerId, string courseCode, DateOnly completedOn) => As(Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var versionId = await db.Set<CourseVersion>().Where(v => v.CourseId == db.Set<Course>().Single(c => c.Code == courseCode).Id)
            .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(practitionerId, versionId, completedOn, TrainingSource.ELearning, null);
        await db.SaveChangesAsync();
    });

    public Task<Guid> CourseIdAsync(string code) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<Course>().Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    /// <summary>
    /// What a coordinator types to schedule a session of <paramref name="courseCode"/>, <paramref name="daysAhead"/> days
    /// from today: online for a virtual classroom course, at a venue otherwise.
    /// </summary>
    public async Task<SessionInput> InputAsync(string courseCode, int daysAhead = 14, string start = "09:30", string end = "16:30", int capacity = 20, params SignedInUser[] trainers)
    {
        var courseId = await CourseIdAsync(courseCode);
        var mode = await As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<CourseVersion>().Where(v => v.CourseId == courseId)
            .OrderByDescending(v => v.Number).Select(v => v.DeliveryMode).FirstAsync());
        var online = mode == DeliveryMode.VirtualClassroom;
        return new SessionInput
        {
            CourseId = courseId,
            Date = Today.AddDays(daysAhead),
            StartTime = start,
            EndTime = end,
            IsVirtual = online,
            JoiningLink = online ? "https://meet.northshire-scp.example/neglect" : null,
            VenueName = online ? null : "Civic Centre, Committee Room 2",
            VenueAddress = online ? null : "Market Street, Northshire NS1 2AB",
            Capacity = capacity,
            TrainerIds = (trainers.Length == 0 ? [Trainer] : trainers).Select(t => t.UserId).ToList(),
        };
    }

    /// <summary>Sets what a did-not-attend or late cancellation costs on each course, through the recipe step a partnership would use.</summary>
    public Task ChargeAsync(string courseCode, int pence) => As(Coordinator, async s =>
    {
        var step = s.GetServices<IRecipeStep>().Single(x => x.Name == "CourseCharges");
        using var json = JsonDocument.Parse($$"""{ "name": "CourseCharges", "charges": [ { "course": "{{courseCode}}", "pence": {{pence}} } ] }""");
        await step.ExecuteAsync(json.RootElement, new RecipeContext { RecipeName = "charges" }, CancellationToken.None);
    });

    /// <summary>Schedules a session as the coordinator and returns its id.</summary>
    public async Task<Guid> ScheduleAsync(string courseCode = "NEG-ADOL", int daysAhead = 14, string start = "09:30", string end = "16:30", int capacity = 20, params SignedInUser[] trainers)
    {
        var input = await InputAsync(courseCode, daysAhead, start, end, capacity, trainers);
        var scheduled = await As(Coordinator, s => s.GetRequiredService<SessionScheduler>().ScheduleAsync(input));
        Assert.True(scheduled.Succeeded, Errors(scheduled));
        return scheduled.Value;
    }

    public Task<BookingResult> BookAsync(Person person, Guid sessionId, Guid? agencyId = null) =>
        As(person.User, s => s.GetRequiredService<BookingService>().BookAsync(sessionId, agencyId));

    /// <summary>Books and checks that the booking went through.</summary>
    public async Task<BookingResult> BookedAsync(Person person, Guid sessionId)
    {
        var result = await BookAsync(person, sessionId);
        Assert.True(result.Succeeded, result.Reason);
        return result;
    }

    public Task<Core.Results.OperationResult> CancelAsync(SignedInUser by, Guid bookingId) =>
        As(by, s => s.GetRequiredService<BookingService>().CancelAsync(bookingId));

    public Task<SessionSummary> SessionAsync(Guid sessionId) =>
        As(Coordinator, async s => (await s.GetRequiredService<SessionQueries>().SummaryAsync(sessionId))!);

    public Task<Booking> BookingAsync(Guid bookingId) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<Booking>().AsNoTracking().SingleAsync(b => b.Id == bookingId));

    /// <summary>Everyone's bookings on a session, in the order they were made.</summary>
    public Task<List<Booking>> BookingsAsync(Guid sessionId) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<Booking>().AsNoTracking().Where(b => b.SessionId == sessionId)
            .OrderBy(b => b.CreatedAt).ToListAsync());

    /// <summary>Emails about sessions queued for <paramref name="email"/> (not the account invitation), optionally of one category, with their attachments.</summary>
    public Task<List<OutboxMessage>> OutboxAsync(string email, string? category = null) =>
        As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.ToAddress == email && m.Category != "AccountInvitation" && (category == null || m.Category == category))
            .OrderBy(m => m.CreatedAt).ToListAsync());

    public static string Errors(Core.Results.OperationResult result) => PortalArrangements.Errors(result);

    private Task<SignedInUser> AccountWithEmailAsync(string email, string firstName, string lastName, params string[] roles) =>
        App.AccountAsync(email, firstName, lastName, roles);

    private Task<Guid> AgencyAsync(string name, string sector) => App.AgencyAsync(name, sector);
}

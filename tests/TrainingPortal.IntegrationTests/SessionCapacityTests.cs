using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;
using Xunit.Abstractions;

namespace TrainingPortal.IntegrationTests;

/// <summary>
/// A session never holds more booked places than its capacity, and nobody jumps the waitlist, whatever arrives at once:
/// hundreds of practitioners booking the same moment, cancellations racing new bookings, and two app instances on one
/// PostgreSQL database.
/// </summary>
/// <remarks>
/// Each booking runs in its own DI scope (its own database context and connection, as each web request has) with its own
/// signed-in practitioner, all released together from one gate. Signing 200 people in over HTTP would spend the test's
/// time hashing passwords rather than racing for places, and the booking pages belong to another change: the contention
/// under test is in <see cref="BookingService"/> and the database, which a request would reach the same way.
/// </remarks>
public class SessionCapacityTests(ITestOutputHelper output)
{
    private const int Capacity = 20;
    private const int Bookers = 200;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Two_hundred_practitioners_booking_at_once_fill_twenty_places_and_queue_the_rest_in_order(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "neglect-partnership", Clock = new TestClock(Now) });
        var portal = await CapacityPortal.ArrangeAsync(app);
        var session = await portal.ScheduleAsync(Capacity);
        var people = await portal.PractitionersAsync(Bookers);

        var stopwatch = Stopwatch.StartNew();
        var results = await AllAtOnceAsync(people.Select(person => Booking(app, person, session)));
        output.WriteLine($"{database}: {Bookers} bookings at once took {stopwatch.ElapsedMilliseconds} ms");

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(Capacity, results.Count(r => r.Status == BookingStatus.Booked));
        Assert.Equal(Bookers - Capacity, results.Count(r => r.Status == BookingStatus.Waitlisted));
        await AssertQueueAsync(app, session, booked: Capacity, waiting: Bookers - Capacity, firstPosition: 1);
    }

    [Fact]
    public async Task Two_app_instances_on_one_database_never_overfill_a_session()
    {
        // Two hosts with their own services, contexts and job storage; only the database (and, in one process, Npgsql's
        // connection pool) is shared, so nothing but the database can keep them in step.
        var clock = new TestClock(Now);
        await using var first = await PortalApp.StartAsync(new PortalAppOptions { Database = TestDatabase.PostgreSql, Recipe = "neglect-partnership", Clock = clock });
        await using var second = await PortalApp.StartAsync(new PortalAppOptions
        {
            Database = TestDatabase.PostgreSql, Recipe = "neglect-partnership", Clock = clock, ConnectionString = first.ConnectionString,
        });
        var portal = await CapacityPortal.ArrangeAsync(first);
        var session = await portal.ScheduleAsync(Capacity);
        var people = await portal.PractitionersAsync(Bookers);

        var stopwatch = Stopwatch.StartNew();
        // Alternate people between the instances, as a load balancer would.
        var results = await AllAtOnceAsync(people.Select((person, i) => Booking(i % 2 == 0 ? first : second, person, session)));
        output.WriteLine($"Two instances: {Bookers} bookings at once took {stopwatch.ElapsedMilliseconds} ms");

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(Capacity, results.Count(r => r.Status == BookingStatus.Booked));
        await AssertQueueAsync(first, session, booked: Capacity, waiting: Bookers - Capacity, firstPosition: 1);
        await AssertQueueAsync(second, session, booked: Capacity, waiting: Bookers - Capacity, firstPosition: 1);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Cancellations_racing_new_bookings_fill_every_freed_place_from_the_waitlist_in_order(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "neglect-partnership", Clock = new TestClock(Now) });
        var portal = await CapacityPortal.ArrangeAsync(app);
        var session = await portal.ScheduleAsync(Capacity);
        var people = await portal.PractitionersAsync(70);
        var (early, late) = (people.Take(50).ToList(), people.Skip(50).ToList());
        var placed = new List<(SignedInUser Person, BookingResult Result)>();
        foreach (var person in early)
        {
            placed.Add((person, await Booking(app, person, session)()));
        }
        var leaving = placed.Where(p => p.Result.Status == BookingStatus.Booked).Take(10).ToList();
        var waitingBefore = placed.Where(p => p.Result.Status == BookingStatus.Waitlisted).OrderBy(p => p.Result.WaitlistPosition).ToList();
        Assert.Equal(30, waitingBefore.Count);

        var work = leaving.Select(p => Cancelling(app, p.Person, p.Result.BookingId!.Value))
            .Concat(late.Select(person => Wrapped(Booking(app, person, session))));
        var stopwatch = Stopwatch.StartNew();
        var outcomes = await AllAtOnceAsync(work);
        output.WriteLine($"{database}: 10 cancellations and 20 bookings at once took {stopwatch.ElapsedMilliseconds} ms");

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Reason));
        var bookings = await BookingsAsync(app, session);
        var status = bookings.ToDictionary(b => b.Id, b => b.Status);
        // The ten freed places went to the first ten waiting, in position order; the other twenty still wait.
        Assert.All(waitingBefore.Take(10), p => Assert.Equal(BookingStatus.Booked, status[p.Result.BookingId!.Value]));
        Assert.All(waitingBefore.Skip(10), p => Assert.Equal(BookingStatus.Waitlisted, status[p.Result.BookingId!.Value]));
        Assert.All(leaving, p => Assert.Equal(BookingStatus.Cancelled, status[p.Result.BookingId!.Value]));
        // Everyone who arrived during the race queues behind those already waiting.
        var lateUsers = late.Select(l => (Guid?)l.UserId).ToList();
        var latePractitioners = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<Agencies.Domain.Practitioner>()
            .Where(p => lateUsers.Contains(p.UserId)).Select(p => p.Id).ToListAsync());
        var newcomers = bookings.Where(b => latePractitioners.Contains(b.PractitionerId)).ToList();
        Assert.Equal(20, newcomers.Count);
        Assert.All(newcomers, b => Assert.Equal(BookingStatus.Waitlisted, b.Status));
        Assert.All(newcomers, b => Assert.True(b.WaitlistPosition > 30, $"A newcomer waits at {b.WaitlistPosition}, ahead of someone already waiting"));
        await AssertQueueAsync(app, session, booked: Capacity, waiting: 40, firstPosition: 11);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task When_the_waitlist_runs_out_mid_race_places_stay_within_capacity_and_the_queue_keeps_its_order(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "neglect-partnership", Clock = new TestClock(Now) });
        var portal = await CapacityPortal.ArrangeAsync(app);
        var session = await portal.ScheduleAsync(Capacity);
        var people = await portal.PractitionersAsync(45);
        var (early, late) = (people.Take(25).ToList(), people.Skip(25).ToList());
        var placed = new List<(SignedInUser Person, BookingResult Result)>();
        foreach (var person in early)
        {
            placed.Add((person, await Booking(app, person, session)()));
        }
        var leaving = placed.Where(p => p.Result.Status == BookingStatus.Booked).Take(10).ToList();
        var waitingBefore = placed.Where(p => p.Result.Status == BookingStatus.Waitlisted).ToList();
        Assert.Equal(5, waitingBefore.Count);

        var outcomes = await AllAtOnceAsync(leaving.Select(p => Cancelling(app, p.Person, p.Result.BookingId!.Value))
            .Concat(late.Select(person => Wrapped(Booking(app, person, session)))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Reason));
        var bookings = await BookingsAsync(app, session);
        var status = bookings.ToDictionary(b => b.Id, b => b.Status);
        // Ten places were freed, so all five who were waiting have a place.
        Assert.All(waitingBefore, p => Assert.Equal(BookingStatus.Booked, status[p.Result.BookingId!.Value]));
        // 10 stayed, 5 were promoted and 20 arrived: 20 hold the places and 15 wait.
        var summary = await SummaryAsync(app, session);
        Assert.Equal((Capacity, 15), (summary.BookedCount, summary.WaitlistCount));
        Assert.Equal(Capacity, bookings.Count(b => b.Status == BookingStatus.Booked));
        Assert.Equal(15, bookings.Count(b => b.Status == BookingStatus.Waitlisted));
        // Whoever was promoted from the waitlist had a lower position than everyone still waiting.
        var promotedPositions = bookings.Where(b => b.Status == BookingStatus.Booked && b.WaitlistPosition is not null).Select(b => b.WaitlistPosition!.Value).ToList();
        var waitingPositions = bookings.Where(b => b.Status == BookingStatus.Waitlisted).Select(b => b.WaitlistPosition!.Value).ToList();
        Assert.True(promotedPositions.Max() < waitingPositions.Min(), "Someone was promoted past an earlier waiter");
        Assert.Equal(waitingPositions.Count, waitingPositions.Distinct().Count());
    }

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private sealed record Outcome(bool Succeeded, string? Reason);

    private static Func<Task<BookingResult>> Booking(PortalApp app, SignedInUser person, Guid sessionId) =>
        () => app.AsUserAsync(person, s => s.GetRequiredService<BookingService>().BookAsync(sessionId));

    private static Func<Task<Outcome>> Cancelling(PortalApp app, SignedInUser person, Guid bookingId) => async () =>
    {
        var result = await app.AsUserAsync(person, s => s.GetRequiredService<BookingService>().CancelAsync(bookingId));
        return new Outcome(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    };

    private static Func<Task<Outcome>> Wrapped(Func<Task<BookingResult>> booking) => async () =>
    {
        var result = await booking();
        return new Outcome(result.Succeeded, result.Reason);
    };

    /// <summary>Starts every piece of work, holds them at one gate until all are running, then lets them go together.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(IEnumerable<Func<Task<T>>> work)
    {
        var items = work.ToList();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        var tasks = items.Select(item => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref waiting) == items.Count)
            {
                allWaiting.SetResult();
            }
            await gate.Task;
            return await item();
        })).ToList();
        await allWaiting.Task;
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>The session's counters and its bookings agree: places within capacity, one queue position each, in an unbroken run.</summary>
    private static async Task AssertQueueAsync(PortalApp app, Guid sessionId, int booked, int waiting, int firstPosition)
    {
        var summary = await SummaryAsync(app, sessionId);
        var bookings = await BookingsAsync(app, sessionId);
        Assert.Equal(booked, summary.BookedCount);
        Assert.Equal(waiting, summary.WaitlistCount);
        Assert.True(summary.BookedCount <= summary.Capacity);
        Assert.Equal(booked, bookings.Count(b => b.Status == BookingStatus.Booked));
        var positions = bookings.Where(b => b.Status == BookingStatus.Waitlisted).Select(b => b.WaitlistPosition!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(firstPosition, waiting), positions);
        Assert.Equal(bookings.Count, bookings.Select(b => b.PractitionerId).Distinct().Count());
    }

    private static Task<SessionSummary> SummaryAsync(PortalApp app, Guid sessionId) =>
        app.InScopeAsync(async s => (await s.GetRequiredService<SessionQueries>().SummaryAsync(sessionId))!);

    private static Task<List<Booking>> BookingsAsync(PortalApp app, Guid sessionId) =>
        app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<Booking>().AsNoTracking().Where(b => b.SessionId == sessionId).ToListAsync());

    /// <summary>
    /// One agency, a coordinator and a trainer made through the product's services, and practitioners who have
    /// completed Neglect basic awareness, signed in once and can book Adolescent neglect.
    /// </summary>
    private sealed class CapacityPortal(PortalApp app, SignedInUser coordinator, SignedInUser trainer, Guid agencyId, int groupId, Guid basicVersionId)
    {
        public static async Task<CapacityPortal> ArrangeAsync(PortalApp app)
        {
            var admin = await app.InScopeAsync(async s =>
            {
                var user = await s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(app.Options.AdminEmail);
                return new SignedInUser(user!.Id, app.Options.AdminEmail, Roles.Administrator);
            });
            var coordinator = await AccountAsync(app, admin, "cora.ordinator@partnership.example", "Cora", "Ordinator", Roles.TrainingCoordinator);
            var trainer = await AccountAsync(app, admin, "tariq.trainer@partnership.example", "Tariq", "Trainer", Roles.Trainer);
            return await app.AsUserAsync(coordinator, async s =>
            {
                var directory = s.GetRequiredService<AgencyDirectory>();
                var sector = (await directory.SectorsAsync()).Single(x => x.Name == "Health").Id;
                var agency = await directory.CreateAsync("Northshire Community Health", sector);
                var group = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
                var db = s.GetRequiredService<PortalDbContext>();
                var basic = await db.Set<CourseVersion>().Where(v => v.CourseId == db.Set<Course>().Single(c => c.Code == "NEG-BASIC").Id)
                    .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
                return new CapacityPortal(app, coordinator, trainer, agency.Value, group, basic);
            });
        }

        public async Task<Guid> ScheduleAsync(int capacity) => await app.AsUserAsync(coordinator, async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var course = await db.Set<Course>().Where(c => c.Code == "NEG-ADOL").Select(c => c.Id).SingleAsync();
            var scheduled = await s.GetRequiredService<SessionScheduler>().ScheduleAsync(new SessionInput
            {
                CourseId = course, Date = new DateOnly(2026, 6, 15), StartTime = "09:30", EndTime = "12:30", IsVirtual = true,
                JoiningLink = "https://meet.northshire-scp.example/adolescent-neglect", Capacity = capacity, TrainerIds = [trainer.UserId],
            });
            Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors.Select(e => e.Message)));
            return scheduled.Value;
        });

        /// <summary>Adds people a few at a time (set-up is not what is under test).</summary>
        public async Task<List<SignedInUser>> PractitionersAsync(int count)
        {
            var people = new SignedInUser[count];
            using var slots = new SemaphoreSlim(8);
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await slots.WaitAsync();
                try
                {
                    people[i] = await PractitionerAsync($"Person{i:000}", Guid.NewGuid().ToString("N")[..8]);
                }
                finally
                {
                    slots.Release();
                }
            }));
            return people.ToList();
        }

        private async Task<SignedInUser> PractitionerAsync(string firstName, string tag)
        {
            var email = $"{firstName.ToLowerInvariant()}.{tag}@health.example";
            await app.AsUserAsync(coordinator, async s =>
            {
                var added = await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
                {
                    FirstName = firstName, LastName = "Practitioner", Email = email, JobTitle = "Health visitor", WorkforceGroupId = groupId,
                });
                Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
                await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(added.Value, basicVersionId, new DateOnly(2026, 3, 2), TrainingSource.ELearning, 100);
                await s.GetRequiredService<PortalDbContext>().SaveChangesAsync();
                return email;
            });
            // Following the emailed link links the account to the staff record the lead added.
            var user = await app.AccountAsync(email, firstName, "Practitioner", [Roles.Practitioner]);
            await app.AsUserAsync(user, s => s.GetRequiredService<Learners>().EnsureCurrentAsync());
            return user;
        }

        private static async Task<SignedInUser> AccountAsync(PortalApp app, SignedInUser admin, string email, string firstName, string lastName, string role) =>
            await app.AccountAsync(email, firstName, lastName, [role]);
    }
}

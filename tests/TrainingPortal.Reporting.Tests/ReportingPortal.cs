using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Services;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Reporting.Tests;

/// <summary>A member of staff: their learning record and, when they book sessions, their sign-in account.</summary>
public sealed record StaffMember(Guid PractitionerId, string Name, SignedInUser? User = null);

/// <summary>
/// The whole application on a throwaway SQLite file set up with the neglect-partnership recipe (so the curriculum and
/// requirements are the real ones: G1 basic; G2 basic + advanced; G3 basic + advanced + GCP2 practitioner), on a clock
/// the test moves. A coordinator, a trainer and two agencies; staff, training, sessions, bookings and registers are made
/// through the product's own services.
/// </summary>
public sealed class ReportingPortal : IAsyncDisposable
{
    /// <summary>Monday 1 June 2026, 09:00 in the UK (08:00 UTC, summer time).</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private int people;

    private ReportingPortal(PortalApp app, TestClock clock)
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

    public string PartnershipName => App.Options.PartnershipName;

    /// <summary>Today in the UK.</summary>
    public DateOnly Today => UkTime.Today(Clock);

    public static async Task<ReportingPortal> StartAsync()
    {
        var clock = new TestClock(Start);
        var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "neglect-partnership", Clock = clock });
        var portal = new ReportingPortal(app, clock);
        try
        {
            portal.Coordinator = await portal.AccountAsync("Cora", "Ordinator", Roles.TrainingCoordinator);
            portal.Trainer = await portal.AccountAsync("Tariq", "Trainer", Roles.Trainer);
            portal.Health = await portal.AgencyAsync("Northshire Community Health", "Health");
            portal.Police = await portal.AgencyAsync("Northshire Police", "Police");
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

    /// <summary>Moves the clock to a moment in UTC.</summary>
    public void MoveTo(DateTime utc) => Clock.UtcNow = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>
    /// A member of staff of <paramref name="agencyId"/>, added by the coordinator. Adding someone with the email of a person
    /// already on another agency's list gives that person a second membership.
    /// </summary>
    public async Task<StaffMember> StaffAsync(
        Guid agencyId, string name, string group, bool frontline, DateOnly? startDate = null, DateOnly? leavingDate = null, string? email = null)
    {
        var (first, last) = (name.Split(' ')[0], name.Split(' ')[1]);
        var address = email ?? $"{first}.{last}.{Interlocked.Increment(ref people)}@staff.example".ToLowerInvariant();
        var added = await As(Coordinator, async s =>
        {
            var groupId = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == group).Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = first, LastName = last, Email = address, JobTitle = "Practitioner", WorkforceGroupId = groupId,
                IsFrontline = frontline, StartDate = startDate, LeavingDate = leavingDate, EmployeeReference = $"E{Interlocked.Increment(ref people):D4}",
            });
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return new StaffMember(added.Value, name);
    }

    /// <summary>A member of staff who has signed in (so they can book sessions themselves).</summary>
    public async Task<StaffMember> StaffWithAccountAsync(Guid agencyId, string name, string group, bool frontline, DateOnly startDate)
    {
        var email = $"{name.Replace(' ', '.')}.{Interlocked.Increment(ref people)}@staff.example".ToLowerInvariant();
        var member = await StaffAsync(agencyId, name, group, frontline, startDate, email: email);
        var user = await App.AccountAsync(email, name.Split(' ')[0], name.Split(' ')[1], [Roles.Practitioner]);
        Assert.Equal(member.PractitionerId, await As(user, s => s.GetRequiredService<Learners>().EnsureCurrentAsync()));
        return member with { User = user };
    }

    /// <summary>The email on a practitioner's record, to add them to a second agency.</summary>
    public Task<string> EmailOfAsync(StaffMember member) => As(Coordinator, s =>
        s.GetRequiredService<PortalDbContext>().Set<Agencies.Domain.Practitioner>().Where(p => p.Id == member.PractitionerId).Select(p => p.Email!).SingleAsync());

    /// <summary>Records a completion of a course's current version, as e-learning and registers do.</summary>
    public Task CompletedAsync(StaffMember member, string courseCode, DateOnly completedOn) => As(Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var versionId = await db.Set<CourseVersion>().Where(v => v.CourseId == db.Set<Course>().Single(c => c.Code == courseCode).Id)
            .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(member.PractitionerId, versionId, completedOn, TrainingSource.ELearning, null);
        await db.SaveChangesAsync();
    });

    /// <summary>Schedules a virtual session of <paramref name="courseCode"/> <paramref name="daysAhead"/> days from today, 09:30 to 16:30, taught by the trainer.</summary>
    public async Task<Session> ScheduleAsync(string courseCode, int daysAhead)
    {
        var scheduled = await As(Coordinator, async s =>
        {
            var courseId = await s.GetRequiredService<PortalDbContext>().Set<Course>().Where(c => c.Code == courseCode).Select(c => c.Id).SingleAsync();
            return await s.GetRequiredService<SessionScheduler>().ScheduleAsync(new SessionInput
            {
                CourseId = courseId, Date = Today.AddDays(daysAhead), StartTime = "09:30", EndTime = "16:30", IsVirtual = true,
                JoiningLink = "https://meet.northshire-scp.example/neglect", Capacity = 20, TrainerIds = [Trainer.UserId],
            });
        });
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return await As(Coordinator, s => s.GetRequiredService<PortalDbContext>().Set<Session>().AsNoTracking().SingleAsync(x => x.Id == scheduled.Value));
    }

    /// <summary>The member books a place themselves; returns the booking.</summary>
    public async Task<Guid> BookAsync(StaffMember member, Session session)
    {
        var booked = await As(member.User!, s => s.GetRequiredService<BookingService>().BookAsync(session.Id));
        Assert.True(booked.Succeeded, booked.Reason);
        Assert.Equal(BookingStatus.Booked, booked.Status);
        return booked.BookingId!.Value;
    }

    public async Task CancelAsync(StaffMember member, Guid bookingId)
    {
        var cancelled = await As(member.User!, s => s.GetRequiredService<BookingService>().CancelAsync(bookingId));
        Assert.True(cancelled.Succeeded);
    }

    /// <summary>The trainer marks the register after the session and closes it (attendees get their training record).</summary>
    public async Task RegisterAsync(Session session, IReadOnlyDictionary<Guid, AttendanceMark> marks)
    {
        MoveTo(session.EndsAtUtc);
        var marked = await As(Trainer, s => s.GetRequiredService<Registers>().MarkAsync(session.Id, marks));
        Assert.True(marked.Succeeded);
        var closed = await As(Trainer, s => s.GetRequiredService<Registers>().CloseAsync(session.Id));
        Assert.True(closed.Succeeded, string.Join("; ", closed.Errors.Select(e => e.Message)));
    }

    public Task<IReadOnlyList<ReportFigures>> AllReportsAsync(ReportingPeriod period) =>
        As(Coordinator, s => s.GetRequiredService<ReportCalculator>().AllAsync(period));

    public Task<ReportFigures> AgencyReportAsync(ReportingPeriod period, Guid agencyId) =>
        As(Coordinator, s => s.GetRequiredService<ReportCalculator>().ForAgencyAsync(period, agencyId));

    private Task<SignedInUser> AccountAsync(string firstName, string lastName, params string[] roles) =>
        App.AccountAsync($"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@partnership.example".ToLowerInvariant(), firstName, lastName, roles);

    private Task<Guid> AgencyAsync(string name, string sector) => App.AgencyAsync(name, sector);
}

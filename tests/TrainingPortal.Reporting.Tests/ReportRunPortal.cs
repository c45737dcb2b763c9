using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;
using TrainingPortal.Notifications.Domain;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Jobs;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Tests;

/// <summary>
/// The whole application on a throwaway SQLite file set up with the neglect-partnership recipe, on a clock the test
/// moves (Monday 1 June 2026, so the period that ended last is October 2025 to March 2026). A coordinator, a board
/// member and two agencies with a lead each, all able to sign in; staff and training are added through the product's
/// own services.
/// </summary>
public sealed class ReportRunPortal : IAsyncDisposable
{
    public const string Password = "amber-kestrel-orchard-52";

    /// <summary>Monday 1 June 2026, 09:00 in the UK.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>October 2025 to March 2026: the period that ended last on <see cref="Start"/>.</summary>
    public static readonly ReportingPeriod LastEnded = new(new DateOnly(2025, 10, 1), new DateOnly(2026, 3, 31));

    private int people;

    private ReportRunPortal(PortalApp app, TestClock clock)
    {
        App = app;
        Clock = clock;
    }

    public PortalApp App { get; }

    public TestClock Clock { get; }

    public SignedInUser Coordinator { get; private set; } = null!;

    public SignedInUser BoardMember { get; private set; } = null!;

    public Guid Health { get; private set; }

    public Guid Police { get; private set; }

    public SignedInUser HealthLead { get; private set; } = null!;

    public SignedInUser PoliceLead { get; private set; } = null!;

    public static async Task<ReportRunPortal> StartAsync(PortalAppOptions? options = null)
    {
        var clock = new TestClock(Start);
        var app = await PortalApp.StartAsync((options ?? new PortalAppOptions()) with { Recipe = "neglect-partnership", Clock = clock });
        var portal = new ReportRunPortal(app, clock);
        try
        {
            portal.Coordinator = await portal.AccountAsync("Cora", "Ordinator", Roles.TrainingCoordinator);
            portal.BoardMember = await portal.AccountAsync("Bea", "Boardman", Roles.BoardMember);
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

    /// <summary>Runs a job as Hangfire would: in a scope of its own, with nobody signed in.</summary>
    public Task<T> JobAsync<T>(Func<BiAnnualReportJob, Task<T>> run) => App.InScopeAsync(s => run(s.GetRequiredService<BiAnnualReportJob>()));

    /// <summary>The coordinator asks for a period's reports and the queued job runs them. Returns the run.</summary>
    public async Task<Guid> RunPeriodAsync(ReportingPeriod period)
    {
        var queued = await As(Coordinator, s => s.GetRequiredService<ReportGenerator>().QueueAsync(period));
        Assert.True(queued.Succeeded, string.Join("; ", queued.Errors.Select(e => e.Message)));
        Assert.True(await JobAsync(job => job.RunAsync(queued.Value, CancellationToken.None)));
        return queued.Value;
    }

    public Task<T> DbAsync<T>(Func<PortalDbContext, Task<T>> work) => App.InScopeAsync(s => work(s.GetRequiredService<PortalDbContext>()));

    public Task<List<BiAnnualReport>> ReportsAsync() => DbAsync(db => db.Set<BiAnnualReport>().AsNoTracking().OrderBy(r => r.Title).ToListAsync());

    public Task<ReportRun> RunOfAsync(Guid runId) => DbAsync(db => db.Set<ReportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));

    /// <summary>Report emails with their attachments, by recipient.</summary>
    public Task<List<OutboxMessage>> ReportEmailsAsync() => DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Include(m => m.Attachments)
        .Where(m => m.Category == ReportMail.Category).OrderBy(m => m.ToAddress).ThenBy(m => m.CreatedAt).ToListAsync());

    public Task<SignedInUser> AccountAsync(string firstName, string lastName, params string[] roles) =>
        App.AccountAsync($"{firstName}.{lastName}.{Interlocked.Increment(ref people)}@partnership.example".ToLowerInvariant(), firstName, lastName, roles, Password);

    public Task<Guid> AgencyAsync(string name, string sector) => App.AgencyAsync(name, sector);

    /// <summary>A safeguarding lead of <paramref name="agencyId"/> who can sign in with <see cref="Password"/>.</summary>
    public async Task<SignedInUser> LeadAsync(Guid agencyId, string firstName, string lastName)
    {
        var lead = await AccountAsync(firstName, lastName, Roles.SafeguardingLead);
        return await App.LeadAsync(agencyId, lead.Email, firstName, lastName);
    }

    /// <summary>A member of staff of <paramref name="agencyId"/> in group G2 who started long ago.</summary>
    public async Task<Guid> StaffAsync(Guid agencyId, string name)
    {
        var n = Interlocked.Increment(ref people);
        var added = await As(Coordinator, async s =>
        {
            var groupId = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = name.Split(' ')[0], LastName = name.Split(' ')[1], Email = $"{name.Replace(' ', '.')}.{n}@staff.example".ToLowerInvariant(),
                WorkforceGroupId = groupId, JobTitle = "Practitioner", StartDate = new DateOnly(2024, 1, 1),
            });
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        return added.Value;
    }

    /// <summary>Records a completion of a course's current version, as e-learning does.</summary>
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

    /// <summary>A browser-like client signed in through the sign-in page.</summary>
    public async Task<HttpClient> SignInAsync(SignedInUser user)
    {
        var client = App.CreateBrowserlikeClient();
        var response = await client.SignInAsync(user.Email, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

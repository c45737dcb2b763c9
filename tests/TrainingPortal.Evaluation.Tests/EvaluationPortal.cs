using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Jobs;
using TrainingPortal.Evaluation.Services;
using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Evaluation.Tests;

/// <summary>
/// The whole application on a throwaway database set up with the neglect-partnership recipe (so the catalogue has its
/// courses and their learning outcomes), on a clock the test moves. Two agencies; staff and their completions are added
/// through the product's own services, and the evaluation jobs are run the way Hangfire runs them: each in its own scope.
/// </summary>
public sealed class EvaluationPortal : IAsyncDisposable
{
    /// <summary>Monday 1 June 2026, 09:00 in the UK.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private int people;

    private EvaluationPortal(PortalApp app, TestClock clock)
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

    /// <summary>Today in the UK.</summary>
    public DateOnly Today => UkTime.Today(Clock);

    /// <param name="startEvaluation">Run the invitation job once before the test's own completions, as the first start-up after the module is enabled does.</param>
    public static async Task<EvaluationPortal> StartAsync(bool startEvaluation = true, TestDatabase database = TestDatabase.Sqlite)
    {
        var clock = new TestClock(Start);
        var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "neglect-partnership", Clock = clock });
        var portal = new EvaluationPortal(app, clock);
        try
        {
            portal.Coordinator = await portal.AccountAsync("Cora", "Ordinator", Roles.TrainingCoordinator);
            portal.Health = await app.AgencyAsync("Northshire Community Health", "Health");
            portal.Police = await app.AgencyAsync("Northshire Police", "Police");
            portal.HealthLead = await app.LeadAsync(portal.Health, $"hana.lead.{Interlocked.Increment(ref portal.people)}@lead.example", "Hana", "Lead");
            if (startEvaluation)
            {
                await portal.InviteAsync();
                portal.Clock.Advance(TimeSpan.FromMinutes(10));
            }
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

    /// <summary>A member of staff of <paramref name="agencyId"/> in workforce group G2, added by the coordinator; returns their id and email.</summary>
    public async Task<(Guid Id, string Email)> StaffAsync(Guid agencyId, string name, string? email = null)
    {
        var n = Interlocked.Increment(ref people);
        var (first, last) = (name.Split(' ')[0], name.Split(' ')[1]);
        email ??= $"{first}.{last}.{n}@staff.example".ToLowerInvariant();
        var address = email;
        var added = await As(Coordinator, async s =>
        {
            var groupId = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G2").Id;
            return await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = first, LastName = last, Email = address, WorkforceGroupId = groupId, JobTitle = "Practitioner",
            });
        });
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        return (added.Value, email);
    }

    /// <summary>Records a completion of a course's current version, as e-learning, registers and briefing logs do; returns the record's id.</summary>
    public Task<Guid> CompletedAsync(Guid practitionerId, string courseCode, DateOnly? completedOn = null, TrainingSource source = TrainingSource.ELearning) => As(Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var versionId = await db.CurrentCourseVersions().Where(v => v.CourseId == db.AllCourses().Single(c => c.Code == courseCode).Id).Select(v => v.Id).FirstAsync();
        var record = await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(practitionerId, versionId, completedOn ?? Today, source, null);
        await db.SaveChangesAsync();
        return record.Id;
    });

    /// <summary>The learning outcomes of a course's current version, as the form asks about them.</summary>
    public Task<string[]> OutcomesAsync(string courseCode) => As(Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var outcomes = await db.CurrentCourseVersions().Where(v => v.CourseId == db.AllCourses().Single(c => c.Code == courseCode).Id).Select(v => v.LearningOutcomes).FirstAsync();
        return outcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    });

    /// <summary>One run of the ten-minute invitation job.</summary>
    public Task<int> InviteAsync() => App.InScopeAsync(s => s.GetRequiredService<EvaluationInvitationJob>().InviteAsync(CancellationToken.None));

    /// <summary>One run of the daily follow-up job.</summary>
    public Task<FollowUpRun> FollowUpAsync() => App.InScopeAsync(s => s.GetRequiredService<EvaluationFollowUpJob>().SendAsync(CancellationToken.None));

    /// <summary>Sets a partnership setting as the settings page does.</summary>
    public Task SetAsync(string key, string value) => App.InScopeAsync(async s =>
    {
        await s.GetRequiredService<PortalSettings>().SetAsync(key, value);
        await s.GetRequiredService<PortalDbContext>().SaveChangesAsync();
    });

    public Task<EvaluationQuestions> QuestionsAsync(Guid recordId, Guid? practitionerId) =>
        App.InScopeAsync(s => s.GetRequiredService<EvaluationForms>().QuestionsAsync(recordId, practitionerId));

    public Task<OperationResult> AnswerAsync(Guid recordId, Guid practitionerId, EvaluationAnswers answers) =>
        App.InScopeAsync(s => s.GetRequiredService<EvaluationForms>().AnswerAsync(recordId, practitionerId, answers));

    public Task<FollowUpQuestions> FollowUpQuestionsAsync(Guid recordId, Guid practitionerId) =>
        App.InScopeAsync(s => s.GetRequiredService<EvaluationForms>().FollowUpAsync(recordId, practitionerId));

    public Task<OperationResult> AnswerFollowUpAsync(Guid recordId, Guid practitionerId, FollowUpAnswers answers) =>
        App.InScopeAsync(s => s.GetRequiredService<EvaluationForms>().AnswerFollowUpAsync(recordId, practitionerId, answers));

    /// <summary>A complete, valid set of answers for a course's outcomes.</summary>
    public static EvaluationAnswers Answers(int outcomes, int rating = 4, int before = 2, int after = 4, string? text = "Ask about dental registration at every visit.") => new()
    {
        OverallRating = rating,
        Outcomes = Enumerable.Range(0, outcomes).Select(_ => new OutcomeAnswer { Before = before, After = after }).ToList(),
        DoingDifferently = text,
    };

    /// <summary>Records that the person leaves the agency on <paramref name="leavingDate"/>, as the staff form does.</summary>
    public Task LeavesAsync(Guid agencyId, Guid practitionerId, DateOnly leavingDate) => As(Coordinator, async s =>
    {
        var records = s.GetRequiredService<StaffRecords>();
        var (_, record) = await records.GetAsync(agencyId, practitionerId);
        var result = await records.UpdateAsync(agencyId, practitionerId, new StaffInput
        {
            FirstName = record!.FirstName, LastName = record.LastName, Email = record.Email, JobTitle = record.JobTitle,
            WorkforceGroupId = record.WorkforceGroupId, TeamId = record.TeamId, StartDate = record.StartDate, LeavingDate = leavingDate,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    });

    /// <summary>Moves the clock to 09:00 UK time on <paramref name="day"/>.</summary>
    public void MoveTo(DateOnly day) => Clock.UtcNow = new DateTimeOffset(UkTime.ToUtc(day.ToDateTime(new TimeOnly(9, 0))), TimeSpan.Zero);

    /// <summary>Emails queued to an address, oldest first, optionally of one category only.</summary>
    public Task<List<OutboxMessage>> OutboxAsync(string email, string? category = null) =>
        App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress == email && (category == null || m.Category == category))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    /// <summary>Reads the module's own tables, as its figures do.</summary>
    public Task<T> ReadAsync<T>(Func<PortalDbContext, Task<T>> read) => App.InScopeAsync(s => read(s.GetRequiredService<PortalDbContext>()));

    public Task<List<EvaluationRequest>> RequestsForAsync(Guid recordId) =>
        ReadAsync(db => db.Set<EvaluationRequest>().AsNoTracking().Include(r => r.Response!).ThenInclude(r => r.Outcomes).Include(r => r.FollowUp)
            .Where(r => r.TrainingRecordId == recordId).ToListAsync());
}

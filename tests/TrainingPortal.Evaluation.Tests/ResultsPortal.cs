using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Jobs;
using TrainingPortal.Evaluation.Services;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Evaluation.Tests;

/// <summary>A member of staff and the completion they were asked to evaluate.</summary>
public sealed record Completion(Guid PractitionerId, Guid TrainingRecordId);

/// <summary>
/// The whole application on a throwaway SQLite file set up with the neglect-partnership recipe, on a clock the test
/// moves: a coordinator, a board member, two agencies with a safeguarding lead for the health trust, and evaluation
/// started before any training is recorded. Completions, invitations, answers and follow-ups go through the product's
/// own services and jobs.
/// </summary>
public sealed class ResultsPortal : IAsyncDisposable
{
    /// <summary>Monday 1 June 2026, 09:00 in the UK.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private const string Password = "willow-quarry-beacon-83";

    private int people;

    private ResultsPortal(PortalApp app, TestClock clock)
    {
        App = app;
        Clock = clock;
    }

    public PortalApp App { get; }

    public TestClock Clock { get; }

    public SignedInUser Coordinator { get; private set; } = null!;

    public SignedInUser Board { get; private set; } = null!;

    public SignedInUser HealthLead { get; private set; } = null!;

    public Guid Health { get; private set; }

    public Guid Police { get; private set; }

    public Guid Schools { get; private set; }

    public DateOnly Today => UkTime.Today(Clock);

    public static async Task<ResultsPortal> StartAsync()
    {
        var clock = new TestClock(Start);
        var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = "neglect-partnership", Clock = clock });
        var portal = new ResultsPortal(app, clock);
        try
        {
            portal.Coordinator = await app.AccountAsync("cora.ordinator@partnership.example", "Cora", "Ordinator", [Roles.TrainingCoordinator]);
            portal.Board = await app.AccountAsync("bo.ard@partnership.example", "Bo", "Ard", [Roles.BoardMember]);
            portal.Health = await app.AgencyAsync("Northshire Community Health", "Health");
            portal.Police = await app.AgencyAsync("Northshire Police", "Police");
            portal.Schools = await app.AgencyAsync("Northshire Schools", "Education");
            portal.HealthLead = await app.LeadAsync(portal.Health, "lena.lead@health.example", "Lena", "Lead");
            // Evaluation starts before any training here is recorded, so every completion below is asked about.
            await app.InScopeAsync(s => s.GetRequiredService<EvaluationInvitations>().StartedAtAsync());
            clock.Advance(TimeSpan.FromMinutes(1));
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

    /// <summary>A member of staff of the agency, added by the coordinator, who completes <paramref name="courseCode"/> today and is asked to evaluate it.</summary>
    public async Task<Completion> CompletedAsync(Guid agencyId, string name, string courseCode)
    {
        var (first, last) = (name.Split(' ')[0], name.Split(' ')[1]);
        var number = Interlocked.Increment(ref people);
        var practitionerId = await As(Coordinator, async s =>
        {
            var group = (await s.GetRequiredService<WorkforceGroups>().ListAsync()).Single(g => g.Code == "G1").Id;
            var added = await s.GetRequiredService<StaffRecords>().AddAsync(agencyId, new StaffInput
            {
                FirstName = first, LastName = last, Email = $"{first}.{last}.{number}@staff.example".ToLowerInvariant(), JobTitle = "Practitioner",
                WorkforceGroupId = group, StartDate = new DateOnly(2024, 1, 1), EmployeeReference = $"E{number:D4}",
            });
            Assert.True(added.Succeeded, PortalArrangements.Errors(added));
            return added.Value;
        });
        var recordId = await As(Coordinator, async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var versionId = await db.Set<CourseVersion>().Where(v => db.Set<Course>().Any(c => c.Id == v.CourseId && c.Code == courseCode))
                .OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
            var record = await s.GetRequiredService<TrainingRecords>().AddCompletionAsync(practitionerId, versionId, Today, TrainingSource.ELearning, null);
            await db.SaveChangesAsync();
            return record.Id;
        });
        await App.InScopeAsync(s => s.GetRequiredService<EvaluationInvitations>().InviteAsync());
        return new Completion(practitionerId, recordId);
    }

    /// <summary>The practitioner answers: the overall rating, the same confidence before and after against every learning outcome, and a comment.</summary>
    public async Task AnswerAsync(Completion completion, int rating, int before, int after, string? doingDifferently = null)
    {
        var answered = await App.InScopeAsync(async s =>
        {
            var forms = s.GetRequiredService<EvaluationForms>();
            var questions = await forms.QuestionsAsync(completion.TrainingRecordId, completion.PractitionerId);
            Assert.Equal(FormState.Open, questions.State);
            return await forms.AnswerAsync(completion.TrainingRecordId, completion.PractitionerId, new EvaluationAnswers
            {
                OverallRating = rating, DoingDifferently = doingDifferently,
                Outcomes = questions.Outcomes.Select(_ => new OutcomeAnswer { Before = before, After = after }).ToList(),
            });
        });
        Assert.True(answered.Succeeded, PortalArrangements.Errors(answered));
    }

    /// <summary>Moves the clock past the follow-up interval and runs the daily follow-up job.</summary>
    public async Task SendFollowUpsAsync()
    {
        Clock.Advance(TimeSpan.FromDays(EvaluationSettings.DefaultFollowUpMonths * 31 + 1));
        await App.InScopeAsync(s => s.GetRequiredService<EvaluationFollowUpJob>().SendAsync(CancellationToken.None));
    }

    public async Task AnswerFollowUpAsync(Completion completion, bool changed, string? example = null)
    {
        var answered = await App.InScopeAsync(s => s.GetRequiredService<EvaluationForms>().AnswerFollowUpAsync(completion.TrainingRecordId, completion.PractitionerId,
            new FollowUpAnswers { PracticeChange = changed ? PracticeChange.Changed : PracticeChange.NotChanged, Example = example ?? (changed ? "I shared what I learned with my team" : null), UseFrequency = UseFrequency.Monthly }));
        Assert.True(answered.Succeeded, PortalArrangements.Errors(answered));
    }

    /// <summary>A browser-like client signed in as <paramref name="user"/> through the sign-in page.</summary>
    public async Task<HttpClient> SignInAsync(SignedInUser user)
    {
        await App.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            var account = await users.FindByIdAsync(user.UserId.ToString());
            await users.RemovePasswordAsync(account!);
            var set = await users.AddPasswordAsync(account!, Password);
            Assert.True(set.Succeeded, string.Join("; ", set.Errors.Select(e => e.Description)));
        });
        var client = App.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email, Password)).StatusCode);
        return client;
    }
}

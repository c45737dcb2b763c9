using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Jobs;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.IntegrationTests;

/// <summary>
/// A police officer completes e-learning with certificates held until evaluated, evaluates it once, answers the
/// follow-up months later, and finds both closed when they leave; someone else's link is refused.
/// </summary>
public partial class EvaluationFormTests
{
    private const string PoliceLead = "ben.bland@northshire-police.example";
    private const string Coordinator = "sophie.ashworth@northshire-scp.example";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_practitioner_evaluates_their_training_once_and_someone_else_or_a_leaver_is_refused(TestDatabase database)
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo", Clock = clock });
        var password = app.Options.AdminPassword;

        // The training unit holds certificates until evaluated and asks the follow-up a month on.
        var coordinator = app.CreateBrowserlikeClient();
        await coordinator.SignInAsync(Coordinator, password);
        var refused = await coordinator.PostFormAsync("/evaluation/settings", new Dictionary<string, string> { ["Input.HoldCertificates"] = "true", ["Input.FollowUpMonths"] = "25" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Input_FollowUpMonths\"", refusedPage);
        Assert.Contains("whole number of months, from 1 to 24", refusedPage);
        var saved = await coordinator.PostFormAsync("/evaluation/settings", new Dictionary<string, string> { ["Input.HoldCertificates"] = "true", ["Input.FollowUpMonths"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Evaluation settings saved.", await coordinator.GetStringAsync("/evaluation/settings"));
        Assert.Equal(1, await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.CountAsync(e => e.Action == "Evaluation settings changed")));

        // Evaluation starts as the app does at start-up; completions before it (the demo's, made at the clock's first
        // moment) are history.
        clock.Advance(TimeSpan.FromMinutes(1));
        await app.InScopeAsync(s => s.GetRequiredService<EvaluationInvitationJob>().InviteAsync(CancellationToken.None));

        var officer = await PoliceOfficerAsync(app);
        await app.AccountAsync(officer.Email, officer.FirstName, officer.LastName, [Roles.Practitioner], password);
        var learner = app.CreateBrowserlikeClient();
        await learner.SignInAsync(officer.Email, password);
        await learner.PostFormAsync("/courses/THRESH?handler=Start", new Dictionary<string, string>(), formPage: "/courses/THRESH");
        await ELearningTests.CompleteLessonsAsync(learner, "THRESH");
        await ELearningTests.AnswerAsync(app, learner, "THRESH", rightAnswers: true);

        var result = await learner.GetStringAsync("/learn/THRESH/result");
        Assert.Contains("Your certificate is ready once you evaluate the training", result);
        Assert.DoesNotContain("View and download your certificate", result);
        var myLearning = await learner.GetStringAsync("/my-learning");
        var recordId = Guid.Parse(EvaluationLink().Match(myLearning).Groups[1].Value);
        Assert.Contains("Evaluate the training", myLearning);
        Assert.Contains("govuk-notification-banner", myLearning);
        Assert.Contains($"/evaluation/{recordId}", await learner.GetStringAsync("/evaluation/mine"));
        var number = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<TrainingRecord>().Where(r => r.Id == recordId).Select(r => r.CertificateNumber).SingleAsync());
        var held = await learner.GetStringAsync($"/certificates/{number}");
        Assert.Contains("Your certificate is ready once you evaluate the training", held);
        Assert.Contains($"href=\"/evaluation/{recordId}\"", held);
        Assert.DoesNotContain("Certificate of completion", held);
        Assert.Equal($"/certificates/{number}", (await learner.GetAsync($"/certificates/{number}?handler=Pdf")).Headers.Location?.OriginalString);
        var lead = app.CreateBrowserlikeClient();
        await lead.SignInAsync(PoliceLead, password);
        Assert.Contains("Certificate of completion", await lead.GetStringAsync($"/certificates/{number}"));

        // Someone else's link: refused, saying why, and nothing stored.
        var notTheirs = await lead.GetAsync($"/evaluation/{recordId}");
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Contains("This link is for someone else", WebUtility.HtmlDecode(await notTheirs.Content.ReadAsStringAsync()));
        var form = await learner.GetStringAsync($"/evaluation/{recordId}");
        var outcomes = OutcomeField().Matches(form).Select(m => m.Groups[1].Value).Distinct().Count();
        Assert.True(outcomes > 0);
        var answers = Answers(4, outcomes, 2, 4, "Ask about the child's day at every visit");
        var hijack = await lead.PostFormAsync($"/evaluation/{recordId}", answers, formPage: "/my-learning");
        Assert.Equal(HttpStatusCode.Forbidden, hijack.StatusCode);
        Assert.Equal(0, await ResponsesAsync(app, recordId));

        // Missing and out-of-range answers: field errors linked from the summary, and nothing stored.
        var missing = await learner.PostFormAsync($"/evaluation/{recordId}", new Dictionary<string, string>());
        var missingPage = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("There is a problem", missingPage);
        Assert.Contains("href=\"#Input_OverallRating\"", missingPage);
        Assert.Contains("href=\"#Input_Outcomes_0__Before\"", missingPage);
        Assert.Contains("Select how you rate the training overall", missingPage);
        var outOfRange = await learner.PostFormAsync($"/evaluation/{recordId}", Answers(7, outcomes, 2, 4, null), formPage: $"/evaluation/{recordId}");
        Assert.Contains("Choose a number from 1 to 5", await outOfRange.Content.ReadAsStringAsync());
        Assert.Equal(0, await ResponsesAsync(app, recordId));

        var sent = await learner.PostFormAsync($"/evaluation/{recordId}", answers, formPage: $"/evaluation/{recordId}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Evaluation sent", await learner.GetStringAsync(sent.Headers.Location!.OriginalString));
        var again = await learner.PostFormAsync($"/evaluation/{recordId}", Answers(1, outcomes, 1, 1, "Something else"), formPage: "/my-learning");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("You have already evaluated this training", await again.Content.ReadAsStringAsync());
        var stored = await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<EvaluationRequest>()
            .Where(r => r.TrainingRecordId == recordId).Select(r => new { r.Response!.OverallRating, r.Response.DoingDifferently, Afters = r.Response.Outcomes.Select(o => o.After).ToList() }).SingleAsync());
        Assert.Equal(4, stored.OverallRating);
        Assert.Equal("Ask about the child's day at every visit", stored.DoingDifferently);
        Assert.All(stored.Afters, after => Assert.Equal(4, after));
        Assert.Equal(1, await ResponsesAsync(app, recordId));
        Assert.Contains("Certificate of completion", await learner.GetStringAsync($"/certificates/{number}"));
        Assert.DoesNotContain("Evaluate the training", await learner.GetStringAsync("/my-learning"));

        // A month on, the follow-up: an example is needed when practice changed, and it is answered once.
        clock.Advance(TimeSpan.FromDays(35));
        var run = await app.InScopeAsync(s => s.GetRequiredService<EvaluationFollowUpJob>().SendAsync(CancellationToken.None));
        Assert.True(run.Sent >= 1);
        learner = app.CreateBrowserlikeClient();
        await learner.SignInAsync(officer.Email, password);
        Assert.Contains($"/evaluation/{recordId}/follow-up", await learner.GetStringAsync("/my-learning"));
        var followUp = $"/evaluation/{recordId}/follow-up";
        var noExample = await learner.PostFormAsync(followUp, new Dictionary<string, string> { ["Input.PracticeChange"] = "Changed", ["Input.UseFrequency"] = "Weekly" });
        Assert.Contains("Give an example of how your practice has changed", await noExample.Content.ReadAsStringAsync());
        var followed = await learner.PostFormAsync(followUp, new Dictionary<string, string>
        {
            ["Input.PracticeChange"] = "Changed", ["Input.Example"] = "I use the neglect screening tool at each review", ["Input.UseFrequency"] = "Weekly",
        });
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Contains("Answers sent", await learner.GetStringAsync(followUp));
        var twice = await learner.PostFormAsync(followUp, new Dictionary<string, string> { ["Input.PracticeChange"] = "NotChanged", ["Input.UseFrequency"] = "NotAtAll" }, formPage: "/my-learning");
        Assert.Contains("You have already answered the follow-up", await twice.Content.ReadAsStringAsync());
        Assert.Equal(PracticeChange.Changed, await app.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<FollowUp>()
            .Where(f => f.RequestId == s.GetRequiredService<PortalDbContext>().Set<EvaluationRequest>().Single(r => r.TrainingRecordId == recordId).Id)
            .Select(f => f.PracticeChange).SingleAsync()));

        // The officer leaves the force: their links close, saying so.
        await LeavesAsync(app, officer.Id);
        var left = await learner.GetAsync($"/evaluation/{recordId}");
        Assert.Equal(HttpStatusCode.Forbidden, left.StatusCode);
        Assert.Contains("This closed when you left", await left.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(followUp)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/evaluation/{Guid.NewGuid()}")).StatusCode);
    }

    private static Dictionary<string, string> Answers(int overall, int outcomes, int before, int after, string? text)
    {
        var fields = new Dictionary<string, string> { ["Input.OverallRating"] = overall.ToString() };
        for (var i = 0; i < outcomes; i++)
        {
            fields[$"Input.Outcomes[{i}].Before"] = before.ToString();
            fields[$"Input.Outcomes[{i}].After"] = after.ToString();
        }
        if (text is not null)
        {
            fields["Input.DoingDifferently"] = text;
        }
        return fields;
    }

    private static Task<int> ResponsesAsync(PortalApp app, Guid recordId) => app.InScopeAsync(s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        return db.Set<EvaluationResponse>().CountAsync(r => db.Set<EvaluationRequest>().Any(q => q.Id == r.RequestId && q.TrainingRecordId == recordId));
    });

    /// <summary>A police officer of the demo with only a police membership, no account, no e-learning started and no threshold course on record.</summary>
    private static async Task<(Guid Id, string FirstName, string LastName, string Email)> PoliceOfficerAsync(PortalApp app)
    {
        var (police, _, _) = await app.PoliceHealthAndANurseAsync();
        return await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var officer = await db.Set<Practitioner>().AsNoTracking()
                .Where(p => p.UserId == null && p.Email != null && p.Memberships.Count == 1
                    && p.Memberships.Any(m => m.AgencyId == police && m.Status == MembershipStatus.Confirmed && m.LeavingDate == null)
                    && !db.Set<Enrolment>().Any(e => e.PractitionerId == p.Id)
                    // The demo leaves some of its evaluations unanswered, at random: one of those would be asked about too.
                    && !db.Set<EvaluationRequest>().Any(q => q.PractitionerId == p.Id && q.AnsweredAt == null)
                    && !db.Set<TrainingRecord>().Any(r => r.PractitionerId == p.Id && db.Set<Course>().Any(c => c.Id == r.CourseId && c.Code == "THRESH")))
                .OrderBy(p => p.LastName).Select(p => new { p.Id, p.FirstName, p.LastName, Email = p.Email! }).FirstAsync();
            return (officer.Id, officer.FirstName, officer.LastName, officer.Email);
        });
    }

    /// <summary>The police lead gives the officer a leaving date of yesterday, through the staff record as the page does.</summary>
    private static async Task LeavesAsync(PortalApp app, Guid officer)
    {
        var (police, _, _) = await app.PoliceHealthAndANurseAsync();
        var leadId = await app.InScopeAsync(async s => (await s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(PoliceLead))!.Id);
        var lead = new SignedInUser(leadId, PoliceLead, Roles.SafeguardingLead);
        var updated = await app.AsUserAsync(lead, async s =>
        {
            var staff = s.GetRequiredService<StaffRecords>();
            var (_, record) = await staff.GetAsync(police, officer);
            var today = UkTime.Today(s.GetRequiredService<TimeProvider>());
            return await staff.UpdateAsync(police, officer, new StaffInput
            {
                FirstName = record!.FirstName, LastName = record.LastName, Email = record.Email, EmployeeReference = record.EmployeeReference,
                TeamId = record.TeamId, JobTitle = record.JobTitle, WorkforceGroupId = record.WorkforceGroupId, IsFrontline = record.IsFrontline,
                ManagerName = record.ManagerName, ManagerEmail = record.ManagerEmail, StartDate = record.StartDate, LeavingDate = today.AddDays(-1),
            });
        });
        Assert.True(updated.Succeeded, PortalArrangements.Errors(updated));
    }

    [GeneratedRegex("href=\"/evaluation/([0-9a-f-]{36})\"")]
    private static partial Regex EvaluationLink();

    [GeneratedRegex("name=\"Input\\.Outcomes\\[(\\d+)\\]\\.Before\"")]
    private static partial Regex OutcomeField();
}

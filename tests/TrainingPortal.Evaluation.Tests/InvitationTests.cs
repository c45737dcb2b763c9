using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Tests;

/// <summary>The ten-minute job that asks practitioners to evaluate what they have just completed.</summary>
public sealed class InvitationTests : IAsyncLifetime
{
    private EvaluationPortal portal = null!;

    public async Task InitializeAsync() => portal = await EvaluationPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task A_completion_is_asked_about_once_by_an_email_that_names_the_course_and_links_to_its_form()
    {
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Nurse");
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC");
        var title = await portal.ReadAsync(db => db.CurrentCourseVersions().Where(v => v.CourseId == db.AllCourses().Single(c => c.Code == "NEG-BASIC").Id).Select(v => v.Title).SingleAsync());

        Assert.Equal(1, await portal.InviteAsync());
        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await portal.InviteAsync());

        var request = Assert.Single(await portal.RequestsForAsync(recordId));
        Assert.Equal(ann, request.PractitionerId);
        Assert.Equal(TrainingSource.ELearning, request.Source);
        Assert.NotNull(request.EmailedAt);
        var invitation = Assert.Single(await portal.OutboxAsync(email));
        Assert.Equal("evaluation-invitation", invitation.Category);
        Assert.Equal($"How was {title}?", invitation.Subject);
        Assert.Contains($"/evaluation/{recordId}", invitation.HtmlBody);
        Assert.Contains($"/evaluation/{recordId}", invitation.TextBody);
        Assert.Contains(title, invitation.TextBody);
        Assert.DoesNotContain("certificate", invitation.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Registers_e_learning_and_briefings_are_all_asked_about_each_completion_separately()
    {
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Many");
        var session = await portal.CompletedAsync(ann, "NEG-ADV", source: TrainingSource.Session);
        var elearning = await portal.CompletedAsync(ann, "NEG-BASIC", portal.Today.AddDays(-29));
        var briefing = await portal.CompletedAsync(ann, "NEG-7MIN", source: TrainingSource.Briefing);

        Assert.Equal(3, await portal.InviteAsync());

        foreach (var record in new[] { session, elearning, briefing })
        {
            Assert.Single(await portal.RequestsForAsync(record));
        }
        var links = (await portal.OutboxAsync(email, "evaluation-invitation")).Select(m => m.TextBody).ToList();
        Assert.Equal(3, links.Count);
        Assert.All(new[] { session, elearning, briefing }, id => Assert.Single(links, body => body.Contains($"/evaluation/{id}")));
    }

    [Fact]
    public async Task A_form_opened_before_the_job_gets_there_is_not_emailed_about_afterwards()
    {
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Quick");
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC");

        var questions = await portal.QuestionsAsync(recordId, ann);
        Assert.Equal(FormState.Open, questions.State);
        Assert.Equal(0, await portal.InviteAsync());

        var request = Assert.Single(await portal.RequestsForAsync(recordId));
        Assert.Null(request.EmailedAt);
        Assert.Empty(await portal.OutboxAsync(email, "evaluation-invitation"));
    }

    [Fact]
    public async Task With_certificates_held_the_email_says_the_certificate_waits_for_the_answers()
    {
        await portal.SetAsync(EvaluationSettings.HoldCertificatesKey, "true");
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Waits");
        await portal.CompletedAsync(ann, "NEG-BASIC");

        await portal.InviteAsync();

        Assert.Contains("Your certificate will be ready as soon as you have answered.", Assert.Single(await portal.OutboxAsync(email)).TextBody);
    }
}

/// <summary>What is not asked about: history, training done elsewhere, records waiting for approval and late entries.</summary>
public sealed class NotAskedAboutTests : IAsyncLifetime
{
    private EvaluationPortal portal = null!;

    public async Task InitializeAsync() => portal = await EvaluationPortal.StartAsync(startEvaluation: false);

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task Records_from_before_evaluation_started_external_training_and_records_awaiting_approval_are_not_asked_about()
    {
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann History");
        var history = await portal.CompletedAsync(ann, "NEG-BASIC", portal.Today.AddDays(-3));

        // Evaluation starts with the first run: what was recorded before it is history.
        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await portal.InviteAsync());
        portal.Clock.Advance(TimeSpan.FromMinutes(10));

        var (bob, bobEmail) = await portal.StaffAsync(portal.Health, "Bob Elsewhere");
        var awaiting = await RecordExternalAsync(bob, "NEG-ADV");
        var approvedExternal = await RecordExternalAsync(bob, "THRESH");
        var decided = await portal.As(portal.Coordinator, s => s.GetRequiredService<TrainingRecords>().DecideAsync(approvedExternal, approve: true, null));
        Assert.True(decided.Succeeded);
        var enteredLate = await portal.CompletedAsync(bob, "NEG-DC", portal.Today.AddDays(-31));
        var asked = await portal.CompletedAsync(bob, "NEG-BASIC");

        Assert.Equal(1, await portal.InviteAsync());

        Assert.Single(await portal.RequestsForAsync(asked));
        foreach (var record in new[] { history, awaiting, approvedExternal, enteredLate })
        {
            Assert.Empty(await portal.RequestsForAsync(record));
        }
        Assert.Empty(await portal.OutboxAsync(email, "evaluation-invitation"));
        Assert.Contains($"/evaluation/{asked}", Assert.Single(await portal.OutboxAsync(bobEmail, "evaluation-invitation")).TextBody);

        // Opening the form for them finds nothing to answer, and makes no request.
        Assert.Equal(FormState.NotFound, (await portal.QuestionsAsync(history, ann)).State);
        Assert.Equal(FormState.NotFound, (await portal.QuestionsAsync(approvedExternal, bob)).State);
        var refused = await portal.AnswerAsync(history, ann, EvaluationPortal.Answers(10));
        Assert.Equal("There is nothing to answer for this training.", Assert.Single(refused.Errors).Message);
        Assert.Equal(1, await portal.ReadAsync(db => db.Set<EvaluationRequest>().CountAsync()));
    }

    private Task<Guid> RecordExternalAsync(Guid practitionerId, string courseCode) => portal.As(portal.HealthLead, async s =>
    {
        var courseId = await s.GetRequiredService<TrainingPortal.Data.PortalDbContext>().AllCourses().Where(c => c.Code == courseCode).Select(c => c.Id).SingleAsync();
        var recorded = await s.GetRequiredService<TrainingRecords>().RecordExternalAsync(portal.Health, practitionerId, new ExternalTrainingInput
        {
            CourseId = courseId, CompletedOn = portal.Today.AddDays(-2), Provider = "Northshire College", Reason = "A neglect module in a foundation degree",
        }, null);
        Assert.True(recorded.Succeeded, string.Join("; ", recorded.Errors.Select(e => e.Message)));
        return recorded.Value;
    });
}

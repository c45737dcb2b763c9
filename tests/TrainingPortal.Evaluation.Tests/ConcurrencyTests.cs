using Microsoft.EntityFrameworkCore;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Tests;

/// <summary>
/// A retry, a catch-up at start-up or a second app instance running at the same moment never asks, reminds or stores
/// anything twice: the database's keys decide, on both databases.
/// </summary>
public sealed class ConcurrencyTests
{
    private const string AlreadyAnswered = "You have already answered this. Thank you: nothing more has been stored.";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Invitation_runs_at_once_from_separate_scopes_ask_about_each_completion_once_and_send_one_email_each(TestDatabase database)
    {
        await using var portal = await EvaluationPortal.StartAsync(database: database);
        var staff = new List<(string Email, Guid Record)>();
        for (var i = 0; i < 12; i++)
        {
            var (id, email) = await portal.StaffAsync(i % 2 == 0 ? portal.Health : portal.Police, $"Person Number{i}");
            staff.Add((email, await portal.CompletedAsync(id, "NEG-BASIC")));
        }

        var runs = await Task.WhenAll(portal.InviteAsync(), portal.InviteAsync(), portal.InviteAsync());

        Assert.Equal(12, runs.Sum());
        Assert.Equal(0, await portal.InviteAsync());
        foreach (var (email, record) in staff)
        {
            Assert.Single(await portal.RequestsForAsync(record));
            Assert.Single(await portal.OutboxAsync(email, "evaluation-invitation"));
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Follow_up_runs_at_once_send_each_follow_up_and_each_reminder_once(TestDatabase database)
    {
        await using var portal = await EvaluationPortal.StartAsync(database: database);
        var completed = portal.Today;
        var staff = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var (id, email) = await portal.StaffAsync(portal.Health, $"Person Number{i}");
            await portal.CompletedAsync(id, "NEG-BASIC", completed);
            staff.Add(email);
        }
        await portal.InviteAsync();

        portal.MoveTo(completed.AddMonths(3));
        var first = await Task.WhenAll(portal.FollowUpAsync(), portal.FollowUpAsync());
        portal.MoveTo(completed.AddMonths(3).AddDays(14));
        var second = await Task.WhenAll(portal.FollowUpAsync(), portal.FollowUpAsync());

        Assert.Equal(10, first.Sum(r => r.Sent));
        Assert.Equal(10, second.Sum(r => r.Reminded));
        foreach (var email in staff)
        {
            Assert.Single(await portal.OutboxAsync(email, "evaluation-follow-up"));
            Assert.Single(await portal.OutboxAsync(email, "evaluation-follow-up-reminder"));
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Submissions_at_once_store_one_response_and_the_rest_are_told_it_is_already_answered(TestDatabase database)
    {
        await using var portal = await EvaluationPortal.StartAsync(database: database);
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Doubleclick");
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC");
        var outcomes = (await portal.OutcomesAsync("NEG-BASIC")).Length;
        await portal.QuestionsAsync(recordId, ann);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => portal.AnswerAsync(recordId, ann, EvaluationPortal.Answers(outcomes))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(AlreadyAnswered, Assert.Single(r.Errors).Message));
        Assert.Equal(1, await portal.ReadAsync(db => db.Set<EvaluationResponse>().CountAsync()));
        Assert.Equal(outcomes, await portal.ReadAsync(db => db.Set<OutcomeConfidence>().CountAsync()));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Opening_the_form_twice_at_once_before_the_job_makes_one_request(TestDatabase database)
    {
        await using var portal = await EvaluationPortal.StartAsync(database: database);
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Twotabs");
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC");

        var opened = await Task.WhenAll(portal.QuestionsAsync(recordId, ann), portal.QuestionsAsync(recordId, ann), portal.InviteAsync().ContinueWith(_ => portal.QuestionsAsync(recordId, ann)).Unwrap());

        Assert.All(opened, q => Assert.Equal(FormState.Open, q.State));
        Assert.Single(await portal.RequestsForAsync(recordId));
        Assert.True((await portal.OutboxAsync(email, "evaluation-invitation")).Count <= 1);
    }
}

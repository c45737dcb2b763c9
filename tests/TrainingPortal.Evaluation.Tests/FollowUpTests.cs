using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Tests;

/// <summary>The impact follow-up months after a completion: when it goes, who is skipped, and its one reminder.</summary>
public sealed class FollowUpTests : IAsyncLifetime
{
    private EvaluationPortal portal = null!;

    public async Task InitializeAsync() => portal = await EvaluationPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task The_follow_up_goes_three_months_after_the_completion_once_with_a_link_to_its_form()
    {
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Later");
        var completed = portal.Today;
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC", completed);
        await portal.InviteAsync();

        portal.MoveTo(completed.AddMonths(3).AddDays(-1));
        Assert.Equal(new(0, 0, 0), await portal.FollowUpAsync());
        Assert.Equal(FormState.NotFound, (await portal.FollowUpQuestionsAsync(recordId, ann)).State);

        portal.MoveTo(completed.AddMonths(3));
        Assert.Equal(new(1, 0, 0), await portal.FollowUpAsync());
        Assert.Equal(new(0, 0, 0), await portal.FollowUpAsync());

        var followUp = Assert.Single(await portal.RequestsForAsync(recordId)).FollowUp!;
        Assert.Equal(FollowUpStatus.Sent, followUp.Status);
        Assert.Equal(completed.AddMonths(3), followUp.DueOn);
        var sent = Assert.Single(await portal.OutboxAsync(email, "evaluation-follow-up"));
        Assert.StartsWith("Has ", sent.Subject);
        Assert.EndsWith(" changed your practice?", sent.Subject);
        Assert.Contains($"/evaluation/{recordId}/follow-up", sent.TextBody);
        Assert.Equal(FormState.Open, (await portal.FollowUpQuestionsAsync(recordId, ann)).State);
    }

    [Fact]
    public async Task The_months_before_the_follow_up_are_the_partnership_setting()
    {
        await portal.SetAsync(EvaluationSettings.FollowUpMonthsKey, "6");
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Six");
        var completed = portal.Today;
        await portal.CompletedAsync(ann, "NEG-BASIC", completed);
        await portal.InviteAsync();

        portal.MoveTo(completed.AddMonths(3));
        Assert.Equal(0, (await portal.FollowUpAsync()).Sent);
        portal.MoveTo(completed.AddMonths(6).AddDays(-1));
        Assert.Equal(0, (await portal.FollowUpAsync()).Sent);
        Assert.Empty(await portal.OutboxAsync(email, "evaluation-follow-up"));

        portal.MoveTo(completed.AddMonths(6));
        Assert.Equal(1, (await portal.FollowUpAsync()).Sent);
        Assert.Single(await portal.OutboxAsync(email, "evaluation-follow-up"));
    }

    [Fact]
    public async Task Someone_who_has_left_is_skipped_not_asked_and_never_reminded()
    {
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Leaver");
        var (bob, bobEmail) = await portal.StaffAsync(portal.Health, "Bob Stayer");
        var completed = portal.Today;
        var annRecord = await portal.CompletedAsync(ann, "NEG-BASIC", completed);
        await portal.CompletedAsync(bob, "NEG-BASIC", completed);
        await portal.InviteAsync();
        await portal.LeavesAsync(portal.Health, ann, completed.AddMonths(1));

        portal.MoveTo(completed.AddMonths(3));
        Assert.Equal(new(1, 1, 0), await portal.FollowUpAsync());
        portal.MoveTo(completed.AddMonths(3).AddDays(20));
        Assert.Equal(new(0, 0, 1), await portal.FollowUpAsync());

        Assert.Equal(FollowUpStatus.Skipped, Assert.Single(await portal.RequestsForAsync(annRecord)).FollowUp!.Status);
        Assert.Empty(await portal.OutboxAsync(email, "evaluation-follow-up"));
        Assert.Empty(await portal.OutboxAsync(email, "evaluation-follow-up-reminder"));
        Assert.Single(await portal.OutboxAsync(bobEmail, "evaluation-follow-up"));
        Assert.Equal(FormState.Left, (await portal.FollowUpQuestionsAsync(annRecord, ann)).State);
    }

    [Fact]
    public async Task One_reminder_goes_14_days_later_to_those_who_have_not_answered_and_never_a_second()
    {
        var (ann, email) = await portal.StaffAsync(portal.Health, "Ann Forgets");
        var (bob, bobEmail) = await portal.StaffAsync(portal.Health, "Bob Answers");
        var completed = portal.Today;
        await portal.CompletedAsync(ann, "NEG-BASIC", completed);
        var bobRecord = await portal.CompletedAsync(bob, "NEG-BASIC", completed);
        await portal.InviteAsync();
        var sentOn = completed.AddMonths(3);
        portal.MoveTo(sentOn);
        Assert.Equal(2, (await portal.FollowUpAsync()).Sent);
        Assert.True((await portal.AnswerFollowUpAsync(bobRecord, bob, new FollowUpAnswers
        {
            PracticeChange = PracticeChange.NotChanged, UseFrequency = UseFrequency.OnceOrTwice,
        })).Succeeded);

        portal.MoveTo(sentOn.AddDays(13));
        Assert.Equal(0, (await portal.FollowUpAsync()).Reminded);
        portal.MoveTo(sentOn.AddDays(14));
        Assert.Equal(1, (await portal.FollowUpAsync()).Reminded);
        Assert.Equal(0, (await portal.FollowUpAsync()).Reminded);
        portal.MoveTo(sentOn.AddDays(28));
        Assert.Equal(new(0, 0, 0), await portal.FollowUpAsync());
        portal.MoveTo(sentOn.AddMonths(3));
        Assert.Equal(new(0, 0, 0), await portal.FollowUpAsync());

        var reminder = Assert.Single(await portal.OutboxAsync(email, "evaluation-follow-up-reminder"));
        Assert.StartsWith("Reminder: has ", reminder.Subject);
        Assert.Contains("This is the only reminder we will send.", reminder.TextBody);
        Assert.Single(await portal.OutboxAsync(email, "evaluation-follow-up"));
        Assert.Single(await portal.OutboxAsync(bobEmail, "evaluation-follow-up"));
        Assert.Empty(await portal.OutboxAsync(bobEmail, "evaluation-follow-up-reminder"));
    }
}

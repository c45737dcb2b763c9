using Microsoft.EntityFrameworkCore;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Tests;

/// <summary>The practitioner's answers: what is refused with a field error, who may answer, and that nothing is stored twice.</summary>
public sealed class FormTests : IAsyncLifetime
{
    private const string AlreadyAnswered = "You have already answered this. Thank you: nothing more has been stored.";

    private EvaluationPortal portal = null!;

    public async Task InitializeAsync() => portal = await EvaluationPortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task The_form_asks_about_each_learning_outcome_of_the_version_taken()
    {
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Asked");
        var recordId = await portal.CompletedAsync(ann, "NEG-ADV");

        var questions = await portal.QuestionsAsync(recordId, ann);

        Assert.Equal(FormState.Open, questions.State);
        Assert.Equal(await portal.OutcomesAsync("NEG-ADV"), questions.Outcomes);
        Assert.True(questions.Outcomes.Count >= 2);
        Assert.Equal(portal.Today, questions.CompletedOn);
    }

    [Fact]
    public async Task Missing_and_out_of_range_ratings_and_unanswered_outcomes_are_field_errors_and_nothing_is_stored()
    {
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Rushed");
        var recordId = await portal.CompletedAsync(ann, "NEG-ADV");
        var outcomes = await portal.OutcomesAsync("NEG-ADV");
        var answers = new EvaluationAnswers
        {
            OverallRating = null,
            Outcomes = [new OutcomeAnswer { Before = 0, After = 6 }, new OutcomeAnswer { Before = 3 }],
        };

        var result = await portal.AnswerAsync(recordId, ann, answers);

        var errors = result.Errors.ToDictionary(e => e.Field, e => e.Message);
        Assert.Equal("Select how you rate the training overall", errors["OverallRating"]);
        Assert.Equal("Choose a number from 1 to 5", errors["Outcomes[0].Before"]);
        Assert.Equal("Choose a number from 1 to 5", errors["Outcomes[0].After"]);
        Assert.False(errors.ContainsKey("Outcomes[1].Before"));
        Assert.Equal($"Select how confident you are now: {outcomes[1]}", errors["Outcomes[1].After"]);
        for (var i = 2; i < outcomes.Length; i++)
        {
            Assert.Equal($"Select how confident you were before the training: {outcomes[i]}", errors[$"Outcomes[{i}].Before"]);
            Assert.Equal($"Select how confident you are now: {outcomes[i]}", errors[$"Outcomes[{i}].After"]);
        }
        Assert.Equal(2 * outcomes.Length, errors.Count);

        var tooHigh = await portal.AnswerAsync(recordId, ann, EvaluationPortal.Answers(outcomes.Length, rating: 6));
        Assert.Equal(("OverallRating", "Choose a number from 1 to 5"), (Assert.Single(tooHigh.Errors).Field, tooHigh.Errors[0].Message));
        var tooLow = await portal.AnswerAsync(recordId, ann, EvaluationPortal.Answers(outcomes.Length, rating: 0));
        Assert.Equal("OverallRating", Assert.Single(tooLow.Errors).Field);

        var request = Assert.Single(await portal.RequestsForAsync(recordId));
        Assert.Null(request.Response);
        Assert.Null(request.AnsweredAt);
        Assert.Equal(FormState.Open, (await portal.QuestionsAsync(recordId, ann)).State);
    }

    [Fact]
    public async Task What_they_will_do_differently_may_be_2000_characters_and_no_more()
    {
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Wordy");
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC");
        var outcomes = (await portal.OutcomesAsync("NEG-BASIC")).Length;

        var tooLong = await portal.AnswerAsync(recordId, ann, EvaluationPortal.Answers(outcomes, text: new string('a', 2001)));
        Assert.Equal(("DoingDifferently", "What you will do differently must be 2,000 characters or fewer"), (Assert.Single(tooLong.Errors).Field, tooLong.Errors[0].Message));
        Assert.Null(Assert.Single(await portal.RequestsForAsync(recordId)).Response);

        var justRight = await portal.AnswerAsync(recordId, ann, EvaluationPortal.Answers(outcomes, text: "  " + new string('b', 2000) + "  "));
        Assert.True(justRight.Succeeded);
        Assert.Equal(new string('b', 2000), Assert.Single(await portal.RequestsForAsync(recordId)).Response!.DoingDifferently);
    }

    [Fact]
    public async Task The_answers_are_stored_with_each_outcomes_wording_and_a_second_submission_is_refused_as_already_answered()
    {
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Twice");
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC");
        var outcomes = await portal.OutcomesAsync("NEG-BASIC");

        var first = await portal.AnswerAsync(recordId, ann, EvaluationPortal.Answers(outcomes.Length, rating: 5, before: 1, after: 4));
        var second = await portal.AnswerAsync(recordId, ann, EvaluationPortal.Answers(outcomes.Length, rating: 1, before: 5, after: 5, text: "Changed my mind"));

        Assert.True(first.Succeeded);
        Assert.Equal(AlreadyAnswered, Assert.Single(second.Errors).Message);
        var request = Assert.Single(await portal.RequestsForAsync(recordId));
        Assert.NotNull(request.AnsweredAt);
        Assert.Equal(5, request.Response!.OverallRating);
        Assert.Equal("Ask about dental registration at every visit.", request.Response.DoingDifferently);
        Assert.Equal(outcomes, request.Response.Outcomes.OrderBy(o => o.OutcomeNumber).Select(o => o.Outcome));
        Assert.All(request.Response.Outcomes, o => Assert.Equal((1, 4), (o.Before, o.After)));
        Assert.Equal(FormState.Answered, (await portal.QuestionsAsync(recordId, ann)).State);
    }

    [Fact]
    public async Task Someone_elses_training_is_refused_and_nothing_is_stored_or_asked()
    {
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Owner");
        var (bob, _) = await portal.StaffAsync(portal.Health, "Bob Nosy");
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC");
        var outcomes = (await portal.OutcomesAsync("NEG-BASIC")).Length;

        Assert.Equal(FormState.NotYours, (await portal.QuestionsAsync(recordId, bob)).State);
        Assert.Equal(FormState.NotYours, (await portal.QuestionsAsync(recordId, null)).State);
        var result = await portal.AnswerAsync(recordId, bob, EvaluationPortal.Answers(outcomes));

        Assert.Equal("This link is for someone else's training.", Assert.Single(result.Errors).Message);
        Assert.Empty(await portal.RequestsForAsync(recordId));
        Assert.Equal(FormState.Open, (await portal.QuestionsAsync(recordId, ann)).State);
        Assert.Equal(FormState.NotFound, (await portal.QuestionsAsync(Guid.NewGuid(), ann)).State);
    }

    [Fact]
    public async Task Someone_who_has_left_every_agency_is_refused_and_nothing_is_stored()
    {
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Gone");
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC");
        var outcomes = (await portal.OutcomesAsync("NEG-BASIC")).Length;
        await portal.InviteAsync();
        await portal.LeavesAsync(portal.Health, ann, portal.Today);
        portal.MoveTo(portal.Today.AddDays(1));

        Assert.Equal(FormState.Left, (await portal.QuestionsAsync(recordId, ann)).State);
        var result = await portal.AnswerAsync(recordId, ann, EvaluationPortal.Answers(outcomes));

        Assert.Equal("This closed when you left your agency.", Assert.Single(result.Errors).Message);
        Assert.Null(Assert.Single(await portal.RequestsForAsync(recordId)).Response);
    }

    [Fact]
    public async Task Follow_up_answers_need_an_example_when_practice_changed_and_are_stored_once()
    {
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Changed");
        var completed = portal.Today;
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC", completed);
        await portal.InviteAsync();
        portal.MoveTo(completed.AddMonths(3));
        await portal.FollowUpAsync();

        var empty = await portal.AnswerFollowUpAsync(recordId, ann, new FollowUpAnswers());
        Assert.Equal(["PracticeChange", "UseFrequency"], empty.Errors.Select(e => e.Field).Order());
        var noExample = await portal.AnswerFollowUpAsync(recordId, ann, new FollowUpAnswers { PracticeChange = PracticeChange.Changed, Example = "   ", UseFrequency = UseFrequency.Weekly });
        Assert.Equal(("Example", "Give an example of how your practice has changed"), (Assert.Single(noExample.Errors).Field, noExample.Errors[0].Message));
        var notAnOption = await portal.AnswerFollowUpAsync(recordId, ann, new FollowUpAnswers { PracticeChange = (PracticeChange)7, UseFrequency = (UseFrequency)9 });
        Assert.Equal(["PracticeChange", "UseFrequency"], notAnOption.Errors.Select(e => e.Field).Order());
        var tooLong = await portal.AnswerFollowUpAsync(recordId, ann, new FollowUpAnswers { PracticeChange = PracticeChange.Changed, Example = new string('x', 2001), UseFrequency = UseFrequency.Weekly });
        Assert.Equal("Example", Assert.Single(tooLong.Errors).Field);
        Assert.Equal(FollowUpStatus.Sent, Assert.Single(await portal.RequestsForAsync(recordId)).FollowUp!.Status);

        var answered = await portal.AnswerFollowUpAsync(recordId, ann, new FollowUpAnswers
        {
            PracticeChange = PracticeChange.Changed, Example = " I now check dental registration at every home visit. ", UseFrequency = UseFrequency.Weekly,
        });
        var again = await portal.AnswerFollowUpAsync(recordId, ann, new FollowUpAnswers { PracticeChange = PracticeChange.NotChanged, UseFrequency = UseFrequency.NotAtAll });

        Assert.True(answered.Succeeded);
        Assert.Equal(AlreadyAnswered, Assert.Single(again.Errors).Message);
        var followUp = Assert.Single(await portal.RequestsForAsync(recordId)).FollowUp!;
        Assert.Equal(FollowUpStatus.Answered, followUp.Status);
        Assert.Equal(PracticeChange.Changed, followUp.PracticeChange);
        Assert.Equal("I now check dental registration at every home visit.", followUp.Example);
        Assert.Equal(UseFrequency.Weekly, followUp.UseFrequency);
        Assert.Equal(FormState.Answered, (await portal.FollowUpQuestionsAsync(recordId, ann)).State);
    }

    [Fact]
    public async Task A_follow_up_is_answered_only_by_its_own_practitioner()
    {
        var (ann, _) = await portal.StaffAsync(portal.Health, "Ann Mine");
        var (bob, _) = await portal.StaffAsync(portal.Health, "Bob Other");
        var completed = portal.Today;
        var recordId = await portal.CompletedAsync(ann, "NEG-BASIC", completed);
        await portal.InviteAsync();
        portal.MoveTo(completed.AddMonths(3));
        await portal.FollowUpAsync();

        var result = await portal.AnswerFollowUpAsync(recordId, bob, new FollowUpAnswers { PracticeChange = PracticeChange.NotChanged, UseFrequency = UseFrequency.NotAtAll });

        Assert.Equal("This link is for someone else's training.", Assert.Single(result.Errors).Message);
        Assert.Equal(FollowUpStatus.Sent, Assert.Single(await portal.RequestsForAsync(recordId)).FollowUp!.Status);
    }
}

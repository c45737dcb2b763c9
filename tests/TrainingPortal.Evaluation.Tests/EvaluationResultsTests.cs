using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Tests;

/// <summary>
/// Who sees what of the evaluation results, on a small partnership with known answers (confidence is the same against
/// every learning outcome of the course):
/// <code>
/// Health  Ann, Ben, Cat, Dan, Eli  basic awareness   ratings 5, 4, 4, 3, 4   confidence 2 → 4   Ann and Ben comment
///         Ivy                      basic awareness   not answered
///         Fay, Gil                 thresholds        ratings 5, 5            confidence 3 → 5
/// Police  Hal                      basic awareness   rating 2                confidence 1 → 2
/// </code>
/// </summary>
public sealed class EvaluationResultsTests : IAsyncLifetime
{
    private const string AnnsComment = "I will ask about school attendance at every visit";
    private static readonly string[] Names = ["Ann Archer", "Ben Baker", "Cat Carter", "Dan Dixon", "Eli Ellis", "Ivy Irwin", "Fay Fisher", "Gil Gray", "Hal Hughes"];

    private ResultsPortal portal = null!;
    private readonly List<Completion> basicAtHealth = [];
    private Completion hal = null!;

    public async Task InitializeAsync()
    {
        portal = await ResultsPortal.StartAsync();
        (string Name, int Rating, string? Comment)[] basic =
            [("Ann Archer", 5, AnnsComment), ("Ben Baker", 4, "Use the chronology template"), ("Cat Carter", 4, null), ("Dan Dixon", 3, null), ("Eli Ellis", 4, null)];
        foreach (var (name, rating, comment) in basic)
        {
            var completion = await portal.CompletedAsync(portal.Health, name, "NEG-BASIC");
            await portal.AnswerAsync(completion, rating, before: 2, after: 4, comment);
            basicAtHealth.Add(completion);
        }
        await portal.CompletedAsync(portal.Health, "Ivy Irwin", "NEG-BASIC");
        foreach (var name in new[] { "Fay Fisher", "Gil Gray" })
        {
            await portal.AnswerAsync(await portal.CompletedAsync(portal.Health, name, "THRESH"), 5, before: 3, after: 5);
        }
        hal = await portal.CompletedAsync(portal.Police, "Hal Hughes", "NEG-BASIC");
        await portal.AnswerAsync(hal, 2, before: 1, after: 2);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task The_partnership_results_count_each_course_in_the_database_with_ratings_and_confidence_before_and_after()
    {
        var overview = await portal.As(portal.Coordinator, s => s.GetRequiredService<EvaluationResults>().PartnershipAsync());

        Assert.Equal((9, 8, 88.9m), (overview.Ratings.Asked, overview.Ratings.Responses, overview.Ratings.ResponseRate));
        var courses = overview.Courses.ToDictionary(c => c.CourseCode);
        Assert.Equal(["NEG-BASIC", "THRESH"], courses.Keys.Order(StringComparer.Ordinal));
        var basic = courses["NEG-BASIC"].Ratings;
        Assert.Equal((7, 6), (basic.Asked, basic.Responses));
        Assert.Equal([0, 1, 1, 3, 1], basic.Ratings);
        Assert.Equal(3.7m, basic.AverageRating);
        // Five people 2 → 4 and one 1 → 2 against every outcome.
        Assert.Equal((1.8m, 3.7m), (basic.ConfidenceBefore, basic.ConfidenceAfter));
        var thresholds = courses["THRESH"].Ratings;
        Assert.Equal((2, 2, 5.0m, 3.0m, 5.0m), (thresholds.Asked, thresholds.Responses, thresholds.AverageRating, thresholds.ConfidenceBefore, thresholds.ConfidenceAfter));
    }

    [Fact]
    public async Task A_lead_sees_their_agencys_totals_without_comments_and_no_figures_for_a_course_fewer_than_five_answered()
    {
        var lead = await portal.SignInAsync(portal.HealthLead);

        var page = await lead.GetStringAsync($"/evaluation/results/agencies/{portal.Health}");

        Assert.Contains("Northshire Community Health", page);
        Assert.Contains("Neglect basic awareness", page);
        // Basic awareness: five answers, rating 4.0, confidence 2.0 → 4.0; thresholds: two answers, so nothing.
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">5 <span class=\"portal-chart__share\">(83.3%)</span></td>", page);
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">2.0</td>", page);
        Assert.Contains("<td class=\"govuk-table__cell\" colspan=\"5\">Fewer than 5 responses</td>", page);
        Assert.Contains("Fewer than 5 follow-ups", page);
        Assert.DoesNotContain(AnnsComment, page);
        Assert.All(Names, name => Assert.DoesNotContain(name, page));
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/evaluation/results/agencies/{portal.Police}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/evaluation/results/NEG-BASIC")).StatusCode);
        var index = await lead.GetStringAsync("/evaluation/results");
        Assert.Contains($"href=\"/evaluation/results/agencies/{portal.Health}\"", index);
        Assert.DoesNotContain($"/evaluation/results/agencies/{portal.Police}", index);
        Assert.DoesNotContain("The partnership", index);
    }

    [Fact]
    public async Task An_agency_whose_staff_gave_fewer_than_five_answers_shows_no_figures_at_all()
    {
        var coordinator = await portal.SignInAsync(portal.Coordinator);

        var police = await coordinator.GetStringAsync($"/evaluation/results/agencies/{portal.Police}");
        var schools = await coordinator.GetStringAsync($"/evaluation/results/agencies/{portal.Schools}");

        Assert.Contains("<p class=\"govuk-body govuk-!-font-weight-bold\">Fewer than 5 responses</p>", police);
        Assert.DoesNotContain("1.0", police);
        Assert.Contains("Nobody here has been asked to evaluate their training yet.", schools);
    }

    [Fact]
    public async Task The_training_unit_sees_each_version_with_its_ratings_outcomes_and_comments_but_no_names()
    {
        var coordinator = await portal.SignInAsync(portal.Coordinator);

        var index = await coordinator.GetStringAsync("/evaluation/results");
        var course = await coordinator.GetStringAsync("/evaluation/results/NEG-BASIC");

        Assert.Contains("href=\"/evaluation/results/NEG-BASIC\"", index);
        Assert.Contains("Average confidence before and after, by course", index);
        Assert.Contains("Overall ratings, by course", index);
        Assert.Contains($"href=\"/evaluation/results/agencies/{portal.Police}\"", index);
        Assert.Contains("6 of 7 asked (85.7%)", course);
        Assert.Contains("1 (poor): 0, 2: 1, 3: 1, 4: 3, 5 (excellent): 1", course);
        Assert.Contains("Confidence against each learning outcome of version", course);
        Assert.Contains(AnnsComment, course);
        Assert.Contains("Use the chronology template", course);
        Assert.Contains("Showing 1 to 2 of 2", course);
        Assert.All(Names, name => Assert.DoesNotContain(name, course));
        Assert.All(Names, name => Assert.DoesNotContain(name, index));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/evaluation/results/NO-SUCH-COURSE")).StatusCode);
    }

    [Fact]
    public async Task The_board_sees_the_partnerships_totals_by_course_without_comments_or_anything_per_agency()
    {
        var board = await portal.SignInAsync(portal.Board);

        var index = await board.GetStringAsync("/evaluation/results");

        Assert.Contains("The partnership", index);
        Assert.Contains("Neglect basic awareness", index);
        Assert.DoesNotContain("href=\"/evaluation/results/NEG-BASIC\"", index);
        Assert.DoesNotContain("/evaluation/results/agencies/", index);
        Assert.DoesNotContain(AnnsComment, index);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync("/evaluation/results/NEG-BASIC")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync($"/evaluation/results/agencies/{portal.Health}")).StatusCode);
    }

    [Fact]
    public async Task Follow_ups_count_practice_changed_and_show_their_examples_to_the_training_unit_only()
    {
        await portal.SendFollowUpsAsync();
        await portal.AnswerFollowUpAsync(basicAtHealth[0], changed: true, "We now start a chronology at the first visit");
        await portal.AnswerFollowUpAsync(basicAtHealth[1], changed: true);
        await portal.AnswerFollowUpAsync(basicAtHealth[2], changed: true);
        await portal.AnswerFollowUpAsync(basicAtHealth[3], changed: false);
        await portal.AnswerFollowUpAsync(hal, changed: true);

        var overview = await portal.As(portal.Coordinator, s => s.GetRequiredService<EvaluationResults>().PartnershipAsync());
        var basic = overview.Courses.Single(c => c.CourseCode == "NEG-BASIC").FollowUps;
        Assert.Equal((5, 4, 80.0m), (basic.Returned, basic.PracticeChanged, basic.PracticeChangedShare));
        Assert.Equal([0, 0, 5, 0], basic.Frequencies);
        var course = await (await portal.SignInAsync(portal.Coordinator)).GetStringAsync("/evaluation/results/NEG-BASIC");
        Assert.Contains("We now start a chronology at the first visit", course);
        Assert.Contains("The 4 most recent of 4.", course);
        Assert.Contains("5, 80.0% said their practice changed", course);
        // The health trust's four follow-ups are fewer than five: its lead sees no answer.
        var agency = await (await portal.SignInAsync(portal.HealthLead)).GetStringAsync($"/evaluation/results/agencies/{portal.Health}");
        Assert.Contains("Fewer than 5 follow-ups", agency);
        Assert.DoesNotContain("We now start a chronology", agency);
    }
}

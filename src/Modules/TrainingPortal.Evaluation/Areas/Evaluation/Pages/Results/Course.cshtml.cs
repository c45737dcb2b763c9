using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Evaluation.Services;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Results;

/// <summary>One course's results for the training unit: each version with its learning outcomes, what people will do differently and examples of changed practice, with no names.</summary>
[Authorize(Policy = Permissions.ViewCourseEvaluations)]
public class CourseModel(EvaluationResults results) : PageModel
{
    [FromRoute]
    public string CourseCode { get; set; } = "";

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CourseEvaluation Course { get; private set; } = null!;

    public StackedBarChart RatingsByVersion => ResultsText.RatingChart("Overall ratings, by version", "ratings-by-version", "Version",
        Course.Versions.Where(v => v.Ratings.Responses > 0).Select(v => ($"Version {v.Number}", v.Ratings)));

    public StackedBarChart UseByVersion => ResultsText.FrequencyChart("How often people have used what they learned, by version", "use-by-version", "Version",
        Course.Versions.Where(v => v.FollowUps.Returned > 0).Select(v => ($"Version {v.Number}", v.FollowUps)));

    public ConfidenceChart OutcomeChart(VersionResults version) => new($"Average confidence against each learning outcome, version {version.Number}",
        $"confidence-version-{version.Number}", "Learning outcome",
        version.Outcomes.Select(o => new ConfidenceBar($"{o.Number}. {o.Outcome}", o.Before, o.After)).ToList());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var course = await results.CourseAsync(CourseCode, PageNumber, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }
        Course = course;
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Evaluation.Services;
using TrainingPortal.Theme.Charts;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Results;

/// <summary>
/// Evaluation results: the partnership's totals and each course's (with charts) for the training unit and the board,
/// each course linking to its versions and comments for the training unit; the agencies whose results the user may
/// open (a lead's own, every one for the training unit).
/// </summary>
[Authorize(Policy = EvaluationResultsAccess.Policy)]
public class IndexModel(EvaluationResults results, IAuthorizationService authorization) : PageModel
{
    /// <summary>Null for those who see only agencies' results (leads).</summary>
    public EvaluationOverview? Partnership { get; private set; }

    /// <summary>Courses link to their versions and comments.</summary>
    public bool LinksCourses { get; private set; }

    public IReadOnlyList<AgencyChoice> Agencies { get; private set; } = [];

    /// <summary>The training unit may change whether certificates wait and when the follow-up is sent.</summary>
    public bool ManagesSettings { get; private set; }

    public ConfidenceChart ConfidenceByCourse => new("Average confidence before and after, by course", "confidence-by-course", "Course",
        Partnership!.Courses.Where(c => c.Ratings.ConfidenceBefore is not null)
            .Select(c => new ConfidenceBar(c.CourseTitle, c.Ratings.ConfidenceBefore!.Value, c.Ratings.ConfidenceAfter!.Value)).ToList());

    public StackedBarChart RatingsByCourse => ResultsText.RatingChart("Overall ratings, by course", "ratings-by-course", "Course",
        Partnership!.Courses.Where(c => c.Ratings.Responses > 0).Select(c => (c.CourseTitle, c.Ratings)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        LinksCourses = await HoldsAsync(Permissions.ViewCourseEvaluations);
        if (LinksCourses || await HoldsAsync(Permissions.ViewPartnershipEvaluations))
        {
            Partnership = await results.PartnershipAsync(cancellationToken);
        }
        Agencies = await results.AgenciesAsync(cancellationToken);
        ManagesSettings = await HoldsAsync(Permissions.ManageEvaluationSettings);
    }

    private async Task<bool> HoldsAsync(string permission) => (await authorization.AuthorizeAsync(User, permission)).Succeeded;
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Manage;

[Authorize(Policy = Permissions.ManageCourses)]
public class IndexModel(CourseCatalogue catalogue, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CourseCard> DueForReview { get; private set; } = [];

    public IReadOnlyList<CourseCard> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DueForReview = await catalogue.DueForReviewAsync(UkTime.Today(clock), cancellationToken);
        Courses = await catalogue.AllAsync(cancellationToken);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.MyLearning;

[Authorize(Policy = Permissions.Learn)]
public class IndexModel(Learners learners, TrainingRecords records, ELearning learning, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TrainingRecordView> Records { get; private set; } = [];

    public IReadOnlyList<CourseInProgress> InProgress { get; private set; } = [];

    public DateOnly Today => UkTime.Today(clock);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await learners.FindCurrentAsync(cancellationToken) is not { } practitioner)
        {
            return;
        }
        Records = await records.ForPractitionerAsync(practitioner, cancellationToken);
        InProgress = await learning.InProgressAsync(practitioner, cancellationToken);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.MyLearning;

[Authorize(Policy = Permissions.Learn)]
public class IndexModel(Learners learners, TrainingRecords records, ELearning learning, IEnumerable<ILearningRecordLinks> otherModules, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TrainingRecordView> Records { get; private set; } = [];

    public IReadOnlyList<CourseInProgress> InProgress { get; private set; } = [];

    /// <summary>What other modules ask of the practitioner about each record ("Evaluate the training"), by record.</summary>
    public ILookup<Guid, LearningRecordLink> Links { get; private set; } = Array.Empty<LearningRecordLink>().ToLookup(l => l.TrainingRecordId);

    public IReadOnlyList<LearningNotice> Notices { get; private set; } = [];

    public DateOnly Today => UkTime.Today(clock);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await learners.FindCurrentAsync(cancellationToken) is not { } practitioner)
        {
            return;
        }
        Records = await records.ForPractitionerAsync(practitioner, cancellationToken);
        InProgress = await learning.InProgressAsync(practitioner, cancellationToken);
        var additions = new List<LearningRecordAdditions>();
        foreach (var module in otherModules)
        {
            additions.Add(await module.ForPractitionerAsync(practitioner, cancellationToken));
        }
        Links = additions.SelectMany(a => a.Links).ToLookup(l => l.TrainingRecordId);
        Notices = additions.SelectMany(a => a.Notices).ToList();
    }
}

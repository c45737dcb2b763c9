using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Data;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.MyLearning;

[Authorize(Policy = Permissions.Learn)]
public class IndexModel(Learners learners, TrainingRecords records, PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record CourseInProgress(string Code, string Title, int LessonsCompleted, int LessonCount);

    public IReadOnlyList<TrainingRecordView> Records { get; private set; } = [];

    public IReadOnlyList<CourseInProgress> InProgress { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await learners.FindCurrentAsync(cancellationToken) is not { } practitioner)
        {
            return;
        }
        Records = await records.ForPractitionerAsync(practitioner, cancellationToken);
        InProgress = await db.Set<Enrolment>().AsNoTracking()
            .Where(e => e.PractitionerId == practitioner && e.Status == EnrolmentStatus.InProgress)
            .Join(db.Set<CourseVersion>(), e => e.CourseVersionId, v => v.Id, (e, v) => new { e, v })
            .Join(db.Set<Course>(), x => x.v.CourseId, c => c.Id, (x, c) => new CourseInProgress(c.Code, x.v.Title, x.e.LessonsCompleted,
                db.Set<Lesson>().Count(l => l.CourseVersionId == x.v.Id)))
            .ToListAsync(cancellationToken);
    }
}

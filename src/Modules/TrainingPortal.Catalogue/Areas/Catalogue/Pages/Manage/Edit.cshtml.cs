using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Manage;

/// <summary>Adds a course (<c>/catalogue/courses/new</c>) or changes one (<c>/catalogue/courses/{id}/edit</c>).</summary>
[Authorize(Policy = Permissions.ManageCourses)]
public class EditModel(CourseCatalogue catalogue, CourseEditor editor, AgencyDirectory agencies, WorkforceGroups groups) : PageModel
{
    // Model binding's own message for "abc" in a number box names the property; say it the GOV.UK way instead.
    private static readonly (string Field, string Message)[] NumberMessages =
    [
        (nameof(CourseInput.DurationMinutes), "Duration must be a whole number of minutes, like 90"),
        (nameof(CourseInput.ValidityMonths), "Validity must be a whole number of months, like 36"),
        (nameof(CourseInput.PassMark), "Pass mark must be a whole number, like 80"),
        (nameof(CourseInput.MaxAttempts), "Attempts must be a whole number, like 3"),
    ];

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public CourseInput Input { get; set; } = new();

    /// <summary>The course's code, which cannot change once the course exists.</summary>
    public string? Code { get; private set; }

    public IEnumerable<SelectListItem> LevelItems =>
        Enum.GetValues<CourseLevel>().Select(l => new SelectListItem(l.ToString(), l.ToString(), Input.Level == l));

    public IEnumerable<SelectListItem> ModeItems =>
        Enum.GetValues<DeliveryMode>().Select(m => new SelectListItem(CourseText.Mode(m), m.ToString(), Input.DeliveryMode == m));

    public IEnumerable<SelectListItem> LicenceItems =>
    [
        new("Nothing", nameof(CourseLicence.None), Input.Licence == CourseLicence.None),
        new("Using the Graded Care Profile 2 (GCP2 practitioner)", nameof(CourseLicence.Gcp2Practitioner), Input.Licence == CourseLicence.Gcp2Practitioner),
        new("Delivering GCP2 practitioner training (GCP2 trainer)", nameof(CourseLicence.Gcp2Trainer), Input.Licence == CourseLicence.Gcp2Trainer),
    ];

    public IEnumerable<SelectListItem> SectorItems { get; private set; } = [];

    public IEnumerable<SelectListItem> GroupItems { get; private set; } = [];

    public IEnumerable<SelectListItem> PrerequisiteItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var detail = await catalogue.GetByIdAsync(id, cancellationToken);
            if (detail is null)
            {
                return NotFound();
            }
            var course = detail.Course;
            Code = course.Code;
            Input = new CourseInput
            {
                Code = course.Code, Title = course.Title, Summary = course.Summary, LearningOutcomes = string.Join('\n', detail.Outcomes),
                Level = course.Level, DeliveryMode = course.Mode, DurationMinutes = course.DurationMinutes, ValidityMonths = course.ValidityMonths,
                RequiresApproval = detail.RequiresApproval, Licence = detail.Licence, Owner = detail.Owner, ReviewDate = course.ReviewDate,
                SectorIds = [.. course.SectorIds], GroupIds = [.. course.GroupIds], PrerequisiteIds = detail.Prerequisites.Select(p => p.CourseId).ToList(),
                PassMark = detail.PassMark, MaxAttempts = detail.MaxAttempts,
            };
        }
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } existing)
        {
            var detail = await catalogue.GetByIdAsync(existing, cancellationToken);
            if (detail is null)
            {
                return NotFound();
            }
            Code = detail.Course.Code;
            Input.Code = Code;
        }
        // A number box that did not bind would otherwise be saved as empty.
        if (!ModelState.IsValid)
        {
            UseNumberMessages();
            await LoadListsAsync(cancellationToken);
            return Page();
        }
        Guid courseId;
        if (Id is { } id)
        {
            var result = await editor.UpdateAsync(id, Input, cancellationToken);
            if (!result.Succeeded)
            {
                ModelState.AddErrors(result, nameof(Input));
                await LoadListsAsync(cancellationToken);
                return Page();
            }
            courseId = id;
            TempData["Success"] = "Course details saved.";
        }
        else
        {
            var result = await editor.CreateAsync(Input, cancellationToken);
            if (!result.Succeeded)
            {
                ModelState.AddErrors(result, nameof(Input));
                await LoadListsAsync(cancellationToken);
                return Page();
            }
            courseId = result.Value;
            TempData["Success"] = $"{Input.Title!.Trim()} has been added as a draft. Add its content, then publish it.";
        }
        return Redirect($"/catalogue/courses/{courseId}");
    }

    private void UseNumberMessages()
    {
        foreach (var (field, message) in NumberMessages)
        {
            if (ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                entry.Errors.Add(message);
            }
        }
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        SectorItems = (await agencies.SectorsAsync(cancellationToken))
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(), Input.SectorIds.Contains(s.Id))).ToList();
        GroupItems = (await groups.LookupAsync(cancellationToken))
            .Select(g => new SelectListItem(g.Name, g.Id.ToString(), Input.GroupIds.Contains(g.Id))).ToList();
        PrerequisiteItems = (await catalogue.AllAsync(cancellationToken))
            .Where(c => c.Id != Id)
            .OrderBy(c => c.Title)
            .Select(c => new SelectListItem(c.Title, c.Id.ToString(), Input.PrerequisiteIds.Contains(c.Id))).ToList();
    }
}

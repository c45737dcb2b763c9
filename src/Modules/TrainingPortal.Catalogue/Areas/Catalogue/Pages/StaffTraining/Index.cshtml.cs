using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.StaffTraining;

/// <summary>A lead's or coordinator's view of one member of staff's training, where they record training done elsewhere.</summary>
[Authorize(Policy = TrainingPortal.Agencies.Permissions.ManageStaff)]
public class IndexModel(TrainingRecords records, StaffRecords staff, CourseCatalogue catalogue) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [FromRoute]
    public Guid PractitionerId { get; set; }

    [BindProperty]
    public ExternalTrainingInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    public string Name { get; private set; } = "";

    public IReadOnlyList<TrainingRecordView> Records { get; private set; } = [];

    public IEnumerable<SelectListItem> CourseItems { get; private set; } = [];

    public string EvidenceAccept => EvidenceTypes.Accept;

    public string? EvidenceError =>
        ModelState.TryGetValue(nameof(Evidence), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }
        if (Evidence is { Length: > TrainingRecords.MaxEvidenceBytes })
        {
            ModelState.AddModelError(nameof(Evidence), "The evidence must be smaller than 5 MB");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        EvidenceFile? evidence = null;
        if (Evidence is not null)
        {
            using var content = new MemoryStream();
            await Evidence.CopyToAsync(content, cancellationToken);
            evidence = new EvidenceFile(Evidence.FileName, Evidence.ContentType, content.ToArray());
        }
        var result = await records.RecordExternalAsync(AgencyId, PractitionerId, Input, evidence, cancellationToken);
        if (!result.Succeeded)
        {
            // The file is bound on its own, so only its error goes without the Input prefix.
            ModelState.AddErrors(OperationResult.Failed(result.Errors.Where(e => e.Field != nameof(Evidence))), nameof(Input));
            ModelState.AddErrors(OperationResult.Failed(result.Errors.Where(e => e.Field == nameof(Evidence))));
            return Page();
        }
        TempData["Success"] = "Recorded. A training coordinator will check it.";
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, person) = await staff.GetAsync(AgencyId, PractitionerId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Name = $"{person!.FirstName} {person.LastName}";
        (_, Records) = await records.ForStaffAsync(AgencyId, PractitionerId, cancellationToken);
        CourseItems = (await catalogue.PublishedAsync(cancellationToken))
            .OrderBy(c => c.Title)
            .Select(c => new SelectListItem(c.Title, c.Id.ToString(), c.Id == Input.CourseId))
            .ToList();
        return Page();
    }
}

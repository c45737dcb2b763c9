using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Staff.Import;

/// <summary>Upload a staff file for one agency, download the templates, and see the agency's recent imports.</summary>
[Authorize(Policy = Permissions.ManageStaff)]
public class IndexModel(StaffImporter importer, StaffImportReports reports, AgencyDirectory directory) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string AgencyName { get; private set; } = "";

    public IReadOnlyList<StaffImportSummary> Recent { get; private set; } = [];

    public string? UploadError =>
        ModelState.TryGetValue(nameof(Upload), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public long MaxMegabytes => StaffImporter.MaxFileBytes / 1024 / 1024;

    public int MaxRows => StaffImporter.MaxRows;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a staff file to upload");
            return Page();
        }
        await using var content = Upload.OpenReadStream();
        var result = await importer.UploadAsync(AgencyId, Upload.FileName, content, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        return Redirect($"/agencies/{AgencyId}/staff/import/{result.Value}");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, recent) = await reports.RecentAsync(AgencyId, cancellationToken);
        if (access == Access.Forbidden)
        {
            return Forbid();
        }
        var agency = await directory.GetAsync(AgencyId, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        Recent = recent;
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Staff.Import;

/// <summary>One import: its progress while the file is checked or applied, then its report, and confirm or cancel.</summary>
[Authorize(Policy = Permissions.ManageStaff)]
public class StatusModel(StaffImporter importer, StaffImportReports reports, AgencyDirectory directory) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [FromRoute]
    public Guid ImportId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public string AgencyName { get; private set; } = "";

    public StaffImportReport Report { get; private set; } = null!;

    public StaffImportSummary Import => Report.Import;

    public string ImportUrl => $"/agencies/{AgencyId}/staff/import/{ImportId}";

    public string Heading => Import.Status switch
    {
        StaffImportStatus.Uploaded or StaffImportStatus.Validating => "Checking your file",
        StaffImportStatus.Invalid => "Your file has problems",
        StaffImportStatus.Valid => "Check the changes before you apply them",
        StaffImportStatus.Applying => "Applying your file",
        StaffImportStatus.Applied => "Staff list updated",
        StaffImportStatus.Failed => "Your file could not be applied",
        _ => "Import cancelled",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The progress as JSON, for the page's script to refresh the progress indicator.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        var (access, import) = await reports.ProgressAsync(AgencyId, ImportId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        return new JsonResult(new { status = import!.Status.ToString(), inProgress = import.IsInProgress, text = import.ProgressText, percent = import.PercentDone });
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var result = await importer.ConfirmAsync(AgencyId, ImportId, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        return Redirect(ImportUrl);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var result = await importer.CancelAsync(AgencyId, ImportId, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = "Import cancelled. Nothing was changed and the file has been deleted.";
        return Redirect($"/agencies/{AgencyId}/staff/import");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, report) = await reports.ReportAsync(AgencyId, ImportId, PageNumber, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        var agency = await directory.GetAsync(AgencyId, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }
        AgencyName = agency.Name;
        Report = report!;
        return Page();
    }
}

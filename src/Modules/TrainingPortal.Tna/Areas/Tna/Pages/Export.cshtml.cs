using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Areas.Tna.Pages;

/// <summary>Downloads the partnership's TNA as a workbook (audited).</summary>
[Authorize(Policy = Permissions.ViewPartnershipTrainingNeeds)]
public class ExportModel(TnaExport export) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await export.WorkbookAsync(Id, cancellationToken) is { } file ? File(file.Workbook, TnaExport.ContentType, file.FileName) : NotFound();
}

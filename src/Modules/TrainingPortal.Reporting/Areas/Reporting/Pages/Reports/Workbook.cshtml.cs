using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Areas.Reporting.Pages.Reports;

/// <summary>Downloads a report's Excel workbook (audited by the archive).</summary>
[Authorize(Policy = Permissions.ViewReports)]
public class WorkbookModel(ReportArchive archive) : PageModel
{
    [FromRoute]
    public Guid ReportId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, file) = await archive.WorkbookAsync(ReportId, cancellationToken);
        return access switch
        {
            Access.Allowed => File(file!.Content, ReportWorkbook.ContentType, file.FileName),
            Access.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.Dashboard;

/// <summary>Downloads the dashboard's list, with the same filters, as an Excel workbook.</summary>
[Authorize(Policy = Permissions.ViewAgencyCompliance)]
public class ExportModel(ComplianceExport export) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, workbook, fileName) = await export.WorkbookAsync(AgencyId, ComplianceQuery.Read(Request.Query), cancellationToken);
        return access switch
        {
            Access.Allowed => File(workbook!, ComplianceExport.ContentType, fileName),
            Access.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }
}

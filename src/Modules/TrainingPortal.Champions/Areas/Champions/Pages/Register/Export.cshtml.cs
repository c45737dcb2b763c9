using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Register;

/// <summary>Downloads the partnership register, every agency's champions by name (the training unit; audited).</summary>
[Authorize(Policy = Permissions.ManageChampionRegister)]
public class ExportModel(ChampionExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, workbook, fileName) = await export.WorkbookAsync(null, cancellationToken);
        return access == Access.Allowed ? File(workbook!, ChampionExport.ContentType, fileName) : Forbid();
    }
}

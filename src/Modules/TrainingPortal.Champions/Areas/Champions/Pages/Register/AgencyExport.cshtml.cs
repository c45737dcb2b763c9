using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Services;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Register;

/// <summary>Downloads one agency's register (its lead or the training unit; audited).</summary>
[Authorize(Policy = Permissions.NominateChampions)]
public class AgencyExportModel(ChampionExport export) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (access, workbook, fileName) = await export.WorkbookAsync(Id, cancellationToken);
        return access switch
        {
            Access.Allowed => File(workbook!, ChampionExport.ContentType, fileName),
            Access.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Staff.Import;

/// <summary>The staff import templates, filled in with the agency's workforce groups and teams.</summary>
[Authorize(Policy = Permissions.ManageStaff)]
public class TemplateModel(StaffImportTemplate template, AgencyScope scope) : PageModel
{
    [FromRoute]
    public Guid AgencyId { get; set; }

    [FromRoute]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(AgencyId, cancellationToken))
        {
            return Forbid();
        }
        var (content, contentType) = Format switch
        {
            "xlsx" => (await template.WorkbookAsync(AgencyId, cancellationToken), StaffImportTemplate.WorkbookContentType),
            "csv" => (await template.CsvAsync(AgencyId, cancellationToken), StaffImportTemplate.CsvContentType),
            _ => (null, ""),
        };
        return content is null ? NotFound() : File(content, contentType, $"staff-import-template.{Format}");
    }
}

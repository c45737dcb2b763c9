using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>The guide as an A4 document, one page for each part, to print from the browser.</summary>
[Authorize(Policy = Permissions.ReadGuides)]
public class PrintModel(GuideLibrary library, LessonRenderer renderer, PdfPrinter printer, PortalSettings settings) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (await library.ReadAsync(number, cancellationToken) is not { } guide)
        {
            return NotFound();
        }
        var partnership = await settings.GetAsync(PortalSettings.PartnershipName, cancellationToken) ?? "";
        var html = GuideDocument.Render(guide, renderer, partnership, $"/guides/{number}", printer.IsAvailable ? $"/guides/{number}/pdf" : null);
        return Content(html, "text/html; charset=utf-8");
    }
}

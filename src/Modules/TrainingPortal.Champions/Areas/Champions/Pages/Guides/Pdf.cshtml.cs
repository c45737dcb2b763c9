using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Services;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>The print view as a PDF, printed by headless Chromium as certificates are; not found where no browser is installed.</summary>
[Authorize(Policy = Permissions.ReadGuides)]
public class PdfModel(GuideLibrary library, LessonRenderer renderer, PdfPrinter printer, PortalSettings settings) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (await library.ReadAsync(number, cancellationToken) is not { } guide)
        {
            return NotFound();
        }
        var partnership = await settings.GetAsync(PortalSettings.PartnershipName, cancellationToken) ?? "";
        var pdf = await printer.PrintAsync(GuideDocument.Render(guide, renderer, partnership, null, null), cancellationToken);
        var code = GuideParts.CourseCode(guide.Format, guide.Number);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", $"guide-{code}-v{guide.Version}.pdf");
    }
}

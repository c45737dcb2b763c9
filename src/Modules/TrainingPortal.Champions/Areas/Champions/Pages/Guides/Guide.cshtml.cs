using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Services;

namespace TrainingPortal.Champions.Areas.Champions.Pages.Guides;

/// <summary>A guide in the library; its author and the training unit also see it before it is published.</summary>
[Authorize(Policy = Permissions.ReadGuides)]
public class GuideModel(GuideLibrary library, PdfPrinter printer) : PageModel
{
    public GuideView Guide { get; private set; } = null!;

    public bool CanPrintPdf => printer.IsAvailable;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (await library.ReadAsync(number, cancellationToken) is not { } guide)
        {
            return NotFound();
        }
        Guide = guide;
        return Page();
    }
}

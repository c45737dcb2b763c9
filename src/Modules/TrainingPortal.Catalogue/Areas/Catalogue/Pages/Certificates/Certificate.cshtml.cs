using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Certificates;

/// <summary>
/// The print-ready certificate (A4 landscape) and its PDF. Only the person, their leads and the training unit see it;
/// when another module holds the person's own certificate (until they evaluate the training), they see why instead.
/// </summary>
[Authorize]
public class CertificateModel(Services.Certificates certificates, PdfPrinter printer, PublicUrls urls) : PageModel
{
    public CertificateView? Certificate { get; private set; }

    public CertificateHold? Hold { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var certificate = await certificates.GetAsync(number, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }
        if (await certificates.HoldAsync(number, cancellationToken) is { } hold)
        {
            (Certificate, Hold) = (certificate, hold);
            return Page();
        }
        var html = CertificateDocument.Render(certificate, VerifyUrl(certificate.Number), "/certificates/certificate.css",
            printer.IsAvailable ? $"/certificates/{certificate.Number}?handler=Pdf" : null);
        return Content(html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnGetPdfAsync(string number, CancellationToken cancellationToken)
    {
        var certificate = await certificates.GetAsync(number, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }
        if (await certificates.HoldAsync(number, cancellationToken) is not null)
        {
            // The page says why the certificate waits and links to what releases it.
            return Redirect($"/certificates/{certificate.Number}");
        }
        var pdf = await printer.PrintAsync(CertificateDocument.Render(certificate, VerifyUrl(certificate.Number), null, null), cancellationToken);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", $"certificate-{certificate.CourseCode}-{certificate.Number}.pdf");
    }

    private string VerifyUrl(string number) => urls.Absolute($"/certificates/verify/{number}");
}

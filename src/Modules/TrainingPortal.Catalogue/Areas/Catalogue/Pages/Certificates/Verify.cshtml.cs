using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Certificates;

/// <summary>
/// Public: anyone with a certificate number (an employer, an auditor) can check it. Shows name, course, date and validity
/// only. A number that is not a certificate, whether unknown or malformed, answers 404 with the same page.
/// </summary>
[AllowAnonymous]
public class VerifyModel(Services.Certificates certificates) : PageModel
{
    public string? Number { get; private set; }

    public CertificateCheck? Check { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? number, CancellationToken cancellationToken)
    {
        Number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (Number is not null)
        {
            Check = await certificates.VerifyAsync(Number, cancellationToken);
            if (Check is null)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Learn;

[Authorize(Policy = Permissions.Learn)]
public class ResultModel(ELearning learning, Services.Certificates certificates) : PageModel
{
    public string Code { get; private set; } = "";

    public bool Passed { get; private set; }

    public string Message { get; private set; } = "";

    public LearningProgress? Progress { get; private set; }

    /// <summary>Why the certificate waits (until the training is evaluated, for example); null when it is ready.</summary>
    public CertificateHold? Hold { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (TempData["Result"] is not string message)
        {
            return Redirect($"/learn/{Uri.EscapeDataString(code)}");
        }
        Code = code;
        Message = message;
        Passed = TempData["Passed"] is true;
        Progress = await learning.ProgressAsync(code, cancellationToken);
        if (Progress?.CertificateNumber is { } number)
        {
            Hold = await certificates.HoldAsync(number, cancellationToken);
        }
        return Page();
    }
}

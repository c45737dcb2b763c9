using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Approvals;

/// <summary>
/// Downloads the certificate or letter uploaded with a record of training done elsewhere: always as an attachment (the
/// download name sets <c>Content-Disposition: attachment</c>), with the content type of its checked kind.
/// </summary>
[Authorize(Policy = Permissions.ApproveExternalTraining)]
public class EvidenceModel(TrainingRecords records) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var evidence = await records.EvidenceAsync(id, cancellationToken);
        return evidence is null ? NotFound() : File(evidence.Content, evidence.ContentType, evidence.FileName);
    }
}

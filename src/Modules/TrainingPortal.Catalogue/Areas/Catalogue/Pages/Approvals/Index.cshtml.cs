using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Approvals;

[Authorize(Policy = Permissions.ApproveExternalTraining)]
public class IndexModel(TrainingRecords records) : PageModel
{
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The record whose rejection was refused, so its note box shows the error and keeps what was typed.</summary>
    public Guid? RejectingId { get; private set; }

    public IReadOnlyList<PendingExternalRecord> Pending { get; private set; } = [];

    public string? NoteError =>
        ModelState.TryGetValue(nameof(Note), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pending = await records.AwaitingApprovalAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid recordId, CancellationToken cancellationToken)
    {
        var pending = (await records.AwaitingApprovalAsync(cancellationToken)).FirstOrDefault(r => r.Id == recordId);
        var result = await records.DecideAsync(recordId, approve: true, null, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            Pending = await records.AwaitingApprovalAsync(cancellationToken);
            return Page();
        }
        TempData["Success"] = pending is null ? "Approved." : $"Approved {pending.Practitioner}'s {pending.Course}. It now counts towards their training.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid recordId, CancellationToken cancellationToken)
    {
        var pending = (await records.AwaitingApprovalAsync(cancellationToken)).FirstOrDefault(r => r.Id == recordId);
        var result = await records.DecideAsync(recordId, approve: false, Note, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            RejectingId = recordId;
            Pending = await records.AwaitingApprovalAsync(cancellationToken);
            return Page();
        }
        TempData["Success"] = pending is null ? "Rejected." : $"Rejected {pending.Practitioner}'s {pending.Course}.";
        return RedirectToPage();
    }
}

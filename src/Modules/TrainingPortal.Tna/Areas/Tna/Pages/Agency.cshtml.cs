using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Tna.Services;

namespace TrainingPortal.Tna.Areas.Tna.Pages;

/// <summary>
/// One agency's figures for one TNA: its lead (or the training unit) checks, changes and submits them; once submitted,
/// they are shown as submitted and the training unit can reopen them.
/// </summary>
[Authorize(Policy = Permissions.SubmitTrainingNeeds)]
public class AgencyModel(TnaSubmissions submissions, AgencyScope scope) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid AgencyId { get; set; }

    [BindProperty]
    public TnaInput Input { get; set; } = new();

    [BindProperty]
    public ReopenInput Reopen { get; set; } = new();

    public TnaTask Task { get; private set; } = null!;

    /// <summary>True when a figure needs confirming: the confirmation box is shown.</summary>
    public bool AskToConfirm { get; private set; }

    public bool CanReopen => scope.SeesAllAgencies && Task.IsSubmitted && Task.IsOpen;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var failed = await LoadAsync(cancellationToken);
        if (failed is not null)
        {
            return failed;
        }
        Input = TnaSubmissions.InputFor(Task);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveAsync(submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) => SaveAsync(submit: true, cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (access, result) = await submissions.ReopenAsync(Id, AgencyId, Reopen, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Reopen));
            return await LoadAsync(cancellationToken) ?? Page();
        }
        TempData["Success"] = "The figures are reopened. The agency's safeguarding lead has been emailed.";
        return Redirect($"/tna/{Id}/agencies/{AgencyId}");
    }

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Reopen), StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        var (access, result) = await submissions.SaveAsync(Id, AgencyId, Input, submit, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            AskToConfirm = Input.ConfirmLargeFigures || result.Errors.Any(e => e.Message.Contains("more than ten times", StringComparison.Ordinal));
            var failed = await LoadAsync(cancellationToken);
            if (failed is null && !Matches(Input, Task))
            {
                // The groups or requirements changed since the form was drawn: start again from the current ones.
                ModelState.Clear();
                ModelState.AddErrors(result.Errors.Any(e => e.Field.Length == 0) ? result : OperationResult.Failed("", "The workforce groups or requirements changed while you were filling in the form. Check the figures below and save again."));
                Input = TnaSubmissions.InputFor(Task);
            }
            return failed ?? Page();
        }
        TempData["Success"] = submit
            ? "Your figures are submitted. The training unit will plan the year's sessions from them."
            : "Your figures are saved. Submit them when they are ready.";
        return Redirect($"/tna/{Id}/agencies/{AgencyId}");
    }

    private static bool Matches(TnaInput input, TnaTask task) =>
        input.Groups.Count == task.Groups.Count
        && input.Groups.Zip(task.Groups).All(pair => pair.First.WorkforceGroupId == pair.Second.WorkforceGroupId
            && pair.First.Lines.Select(l => l.RequirementId).SequenceEqual(pair.Second.Lines.Select(l => l.RequirementId)));

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var (access, task) = await submissions.TaskAsync(Id, AgencyId, cancellationToken);
        if (access != Access.Allowed)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }
        Task = task!;
        return null;
    }
}

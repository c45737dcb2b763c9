using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Learn;

[Authorize(Policy = Permissions.Learn)]
public class CheckModel(ELearning learning) : PageModel
{
    public AttemptPage Attempt { get; private set; } = null!;

    /// <summary>Answers already chosen, kept when the form comes back with errors.</summary>
    public Dictionary<Guid, IReadOnlyCollection<Guid>> Chosen { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var attempt = await learning.StartAttemptAsync(code, cancellationToken);
        if (!attempt.Succeeded)
        {
            TempData["Problem"] = attempt.Errors[0].Message;
            return Redirect($"/learn/{Uri.EscapeDataString(code)}");
        }
        Attempt = attempt.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid attemptId, CancellationToken cancellationToken)
    {
        var attempt = await learning.AttemptAsync(attemptId, cancellationToken);
        if (attempt is null)
        {
            // Their own attempt, already marked (the form sent twice): back to the course. Anyone else's: not found.
            return await learning.IsOwnAttemptAsync(attemptId, cancellationToken) ? Redirect($"/learn/{Uri.EscapeDataString(code)}") : NotFound();
        }
        Chosen = attempt.Questions.ToDictionary(q => q.Id, q => (IReadOnlyCollection<Guid>)Request.Form[$"q-{q.Id}"]
            .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList());
        var result = await learning.SubmitAsync(attemptId, Chosen, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            Attempt = attempt;
            return Page();
        }
        var outcome = result.Value!;
        TempData["Result"] = outcome.Passed
            ? $"You passed with {outcome.ScorePercent}%."
            : $"You scored {outcome.ScorePercent}%. You need {outcome.PassMark}% to pass.{(outcome.AttemptsLeft is { } left ? $" You have {left} {(left == 1 ? "attempt" : "attempts")} left." : "")}";
        TempData["Passed"] = outcome.Passed;
        return Redirect($"/learn/{Uri.EscapeDataString(code)}/result");
    }
}

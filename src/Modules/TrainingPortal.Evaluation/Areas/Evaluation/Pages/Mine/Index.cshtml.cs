using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Mine;

/// <summary>The signed-in practitioner's completions waiting for an evaluation or a follow-up, newest first.</summary>
[Authorize(Policy = Permissions.AnswerEvaluations)]
public class IndexModel(PractitionerEvaluations evaluations, Learners learners) : PageModel
{
    public IReadOnlyList<WaitingEvaluation> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await learners.FindCurrentAsync(cancellationToken) is { } practitioner)
        {
            Waiting = await evaluations.WaitingAsync(practitioner, cancellationToken);
        }
    }
}

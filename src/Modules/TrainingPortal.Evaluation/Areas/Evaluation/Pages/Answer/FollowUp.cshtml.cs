using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Answer;

/// <summary>The follow-up months after a completion: whether practice changed (with an example) and how often what was learned is used.</summary>
[Authorize(Policy = Permissions.AnswerEvaluations)]
public class FollowUpModel(EvaluationForms forms, Learners learners) : AnswerPage
{
    [BindProperty]
    public FollowUpAnswers Input { get; set; } = new();

    public FollowUpQuestions Questions { get; private set; } = FollowUpQuestions.Closed(FormState.NotFound);

    public IReadOnlyList<SelectListItem> Frequencies { get; } =
        Enum.GetValues<UseFrequency>().Select(f => new SelectListItem(f.Describe(), f.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid trainingRecordId, CancellationToken cancellationToken)
    {
        Questions = await forms.FollowUpAsync(trainingRecordId, await learners.FindCurrentAsync(cancellationToken), cancellationToken);
        State = Questions.State;
        JustAnswered = TempData[AnsweredKey] is true;
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(Guid trainingRecordId, CancellationToken cancellationToken)
    {
        var practitioner = await learners.FindCurrentAsync(cancellationToken);
        var result = await forms.AnswerFollowUpAsync(trainingRecordId, practitioner, Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData[AnsweredKey] = true;
            return Redirect($"/evaluation/{trainingRecordId}/follow-up");
        }
        Questions = await forms.FollowUpAsync(trainingRecordId, practitioner, cancellationToken);
        State = Questions.State;
        if (State == FormState.Open)
        {
            ModelState.Clear();
            ModelState.AddErrors(result, nameof(Input));
        }
        return Show();
    }

    /// <summary>The first error for a field, as GOV.UK shows one message per field.</summary>
    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

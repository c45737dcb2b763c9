using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Answer;

/// <summary>The evaluation of one completion: the overall rating, confidence before and after on each learning outcome, and what will change.</summary>
[Authorize(Policy = Permissions.AnswerEvaluations)]
public class IndexModel(EvaluationForms forms, Learners learners) : AnswerPage
{
    [BindProperty]
    public EvaluationAnswers Input { get; set; } = new();

    public EvaluationQuestions Questions { get; private set; } = EvaluationQuestions.Closed(FormState.NotFound);

    public async Task<IActionResult> OnGetAsync(Guid trainingRecordId, CancellationToken cancellationToken)
    {
        Questions = await forms.QuestionsAsync(trainingRecordId, await learners.FindCurrentAsync(cancellationToken), cancellationToken);
        State = Questions.State;
        JustAnswered = TempData[AnsweredKey] is true;
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(Guid trainingRecordId, CancellationToken cancellationToken)
    {
        var practitioner = await learners.FindCurrentAsync(cancellationToken);
        var result = await forms.AnswerAsync(trainingRecordId, practitioner, Input, cancellationToken);
        if (result.Succeeded)
        {
            TempData[AnsweredKey] = true;
            return Redirect($"/evaluation/{trainingRecordId}");
        }
        Questions = await forms.QuestionsAsync(trainingRecordId, practitioner, cancellationToken);
        State = Questions.State;
        if (State == FormState.Open)
        {
            // The service's messages replace the binder's ("The value 'x' is not valid"), one per question.
            ModelState.Clear();
            ModelState.AddErrors(result, nameof(Input));
        }
        return Show();
    }
}

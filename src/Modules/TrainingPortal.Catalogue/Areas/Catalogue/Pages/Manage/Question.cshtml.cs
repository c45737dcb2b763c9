using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Catalogue.Areas.Catalogue.Pages.Manage;

/// <summary>Adds a knowledge check question (<c>/questions/new</c>) or changes one (<c>/questions/{order}</c>).</summary>
[Authorize(Policy = Permissions.ManageCourses)]
public class QuestionModel(CourseCatalogue catalogue, CourseEditor editor) : PageModel
{
    private const int AnswerRows = 5;

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public int? Order { get; set; }

    [BindProperty]
    public string? QuestionText { get; set; }

    [BindProperty]
    public bool AllowsMultiple { get; set; }

    [BindProperty]
    public List<string?> OptionTexts { get; set; } = [];

    /// <summary>Indexes into <see cref="OptionTexts"/> of the correct answers.</summary>
    [BindProperty]
    public List<int> CorrectOptions { get; set; } = [];

    public string CourseTitle { get; private set; } = "";

    /// <summary>The error for the answers as a whole, shown on their fieldset.</summary>
    public string? OptionsError =>
        ModelState.TryGetValue("Options", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCourseAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Order is { } order)
        {
            var question = (await editor.QuestionsAsync(Id, cancellationToken)).FirstOrDefault(q => q.Order == order);
            if (question is null)
            {
                return NotFound();
            }
            QuestionText = question.Text;
            AllowsMultiple = question.AllowsMultiple;
            OptionTexts = question.Options.Select(o => (string?)o.Text).ToList();
            CorrectOptions = question.Options.Select((o, i) => (o, i)).Where(x => x.o.IsCorrect).Select(x => x.i).ToList();
        }
        PadAnswerRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadCourseAsync(cancellationToken))
        {
            return NotFound();
        }
        var options = OptionTexts.Select((text, i) => (text ?? "", CorrectOptions.Contains(i))).ToList();
        var result = await editor.SaveQuestionAsync(Id, Order, new QuestionInput(QuestionText, AllowsMultiple, options), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            PadAnswerRows();
            return Page();
        }
        TempData["Success"] = "Question saved.";
        return Redirect($"/catalogue/courses/{Id}");
    }

    private void PadAnswerRows()
    {
        while (OptionTexts.Count < AnswerRows)
        {
            OptionTexts.Add(null);
        }
    }

    private async Task<bool> LoadCourseAsync(CancellationToken cancellationToken)
    {
        var course = await catalogue.GetByIdAsync(Id, cancellationToken);
        CourseTitle = course?.Course.Title ?? "";
        return course is not null;
    }
}

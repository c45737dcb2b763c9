using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Evaluation.Services;

namespace TrainingPortal.Evaluation.Areas.Evaluation.Pages.Answer;

/// <summary>What the evaluation and follow-up pages share: how each state of a link is answered.</summary>
public abstract class AnswerPage : PageModel
{
    public FormState State { get; protected set; } = FormState.NotFound;

    /// <summary>Set on the page after a successful post: show the confirmation rather than "already answered".</summary>
    public bool JustAnswered { get; protected set; }

    protected const string AnsweredKey = "EvaluationAnswered";

    /// <summary>
    /// The page for the link's state: the form, "already answered" (200), someone else's or a leaver's link (403 with
    /// a page that says why, rather than the general "no access" page), or not found.
    /// </summary>
    protected IActionResult Show()
    {
        switch (State)
        {
            case FormState.NotFound:
                return NotFound();
            case FormState.NotYours or FormState.Left:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            default:
                return Page();
        }
    }

    /// <summary>One 1-to-5 question as radios, with its error from ModelState.</summary>
    public RatingGroup Rating(string name, int? value, string legend, string? hiddenLegend = null, string? hint = null, string legendClass = "govuk-fieldset__legend--s")
    {
        ModelState.TryGetValue(name, out var entry);
        var error = entry is { Errors.Count: > 0 } ? entry.Errors[0].ErrorMessage : null;
        return new RatingGroup(name, TagBuilder.CreateSanitizedId(name, "_"), legend, hiddenLegend, hint, legendClass, value, error);
    }
}

/// <summary>A rating from 1 to 5 as inline GOV.UK radios; the first radio's id is the one the error summary links to.</summary>
public sealed record RatingGroup(string Name, string Id, string Legend, string? HiddenLegend, string? Hint, string LegendClass, int? Value, string? Error);

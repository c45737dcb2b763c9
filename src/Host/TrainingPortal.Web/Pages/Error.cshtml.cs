using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrainingPortal.Web.Pages;

/// <summary>
/// Every error and empty status code ends here: a GOV.UK-style page for people, problem+json for API callers.
/// Never shows exception details.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";

    public IReadOnlyList<string> Lines { get; private set; } = ["Try again later."];

    // The status comes from the route only: a re-executed form's own "Code" field (check-in, workforce groups) must not replace it.
    public Task<IActionResult> OnGetAsync([FromRoute] int? code) => RenderAsync(code);

    public Task<IActionResult> OnPostAsync([FromRoute] int? code) => RenderAsync(code);

    public Task<IActionResult> OnPutAsync([FromRoute] int? code) => RenderAsync(code);

    public Task<IActionResult> OnDeleteAsync([FromRoute] int? code) => RenderAsync(code);

    private async Task<IActionResult> RenderAsync(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        if (originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || originalPath.StartsWith("/connect", StringComparison.OrdinalIgnoreCase))
        {
            Response.StatusCode = status;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = { Status = status } });
            return new EmptyResult();
        }
        (Heading, Lines) = status switch
        {
            404 => ("Page not found", (IReadOnlyList<string>)["If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address."]),
            403 => ("You do not have access to this page", ["Your account does not allow you to see this page. If you think it should, contact your agency's safeguarding lead or the partnership training unit."]),
            400 => ("Sorry, there is a problem with your request", ["Go back and try again."]),
            429 => ("Too many attempts", ["There have been too many attempts from your network in a short time.",
                $"Wait {Composition.AttemptLimits.WaitFrom(Response.Headers.RetryAfter) ?? "a few minutes"} and try again."]),
            _ => ("Sorry, there is a problem with the service", ["Try again later. Nothing you entered has been lost if you saw a confirmation."]),
        };
        Response.StatusCode = status;
        return Page();
    }
}

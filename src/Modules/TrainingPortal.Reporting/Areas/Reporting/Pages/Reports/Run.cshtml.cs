using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Areas.Reporting.Pages.Reports;

/// <summary>One run of a period's reports: its progress while it runs (refreshed by the page's script), then how it ended.</summary>
[Authorize(Policy = Permissions.RunReports)]
public class RunModel(ReportGenerator generator) : PageModel
{
    [FromRoute]
    public Guid RunId { get; set; }

    public ReportRunSummary Run { get; private set; } = null!;

    public string RunUrl => $"/reports/runs/{RunId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var run = await generator.ProgressAsync(RunId, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }
        Run = run;
        return Page();
    }

    /// <summary>The progress as JSON, for the page's script.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        var run = await generator.ProgressAsync(RunId, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }
        return new JsonResult(new { status = run.Status.ToString(), inProgress = run.IsInProgress, text = run.ProgressText, percent = run.PercentDone });
    }
}

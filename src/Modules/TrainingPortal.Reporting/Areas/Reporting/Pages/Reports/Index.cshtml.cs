using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Areas.Reporting.Pages.Reports;

/// <summary>
/// The report archive by period, newest first, as far as the user may see it; for the training unit also the form to
/// run a period's reports again and the recent runs.
/// </summary>
[Authorize(Policy = Permissions.ViewReports)]
public class IndexModel(ReportArchive archive, ReportGenerator generator, IAuthorizationService authorization) : PageModel
{
    /// <summary>The chosen period's key ("2025-10-01").</summary>
    [BindProperty]
    public string? Period { get; set; }

    public IReadOnlyList<ArchivedPeriod> Periods { get; private set; } = [];

    public bool CanRun { get; private set; }

    public IReadOnlyList<ReportingPeriod> PeriodsToRun { get; private set; } = [];

    public IReadOnlyList<ReportRunSummary> Runs { get; private set; } = [];

    public IEnumerable<SelectListItem> PeriodItems => PeriodsToRun.Select(p =>
    {
        var generated = Periods.FirstOrDefault(a => a.Period == p)?.Reports.Max(r => r.GeneratedAt);
        return new SelectListItem(generated is { } at ? $"{p.Name} (generated {UkTime.Format(at)})" : $"{p.Name} (not generated yet)", p.Key);
    });

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Permissions.RunReports)).Succeeded)
        {
            return Forbid();
        }
        var period = (await generator.PeriodsToRunAsync(cancellationToken)).FirstOrDefault(p => p.Key == Period);
        if (period is null)
        {
            ModelState.AddModelError(nameof(Period), "Select the period to run the reports for");
            await LoadAsync(cancellationToken);
            return Page();
        }
        var result = await generator.QueueAsync(period, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            await LoadAsync(cancellationToken);
            return Page();
        }
        return Redirect($"/reports/runs/{result.Value}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Periods = await archive.ListAsync(cancellationToken);
        CanRun = (await authorization.AuthorizeAsync(User, Permissions.RunReports)).Succeeded;
        if (CanRun)
        {
            PeriodsToRun = await generator.PeriodsToRunAsync(cancellationToken);
            Runs = await generator.RecentRunsAsync(5, cancellationToken);
        }
    }
}

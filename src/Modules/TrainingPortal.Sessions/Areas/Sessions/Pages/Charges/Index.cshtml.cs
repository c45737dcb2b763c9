using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Charges;

/// <summary>Did-not-attend and late cancellations per agency over a period, what they cost, and the workbook for invoicing.</summary>
[Authorize(Policy = Permissions.ScheduleSessions)]
public class IndexModel(SessionQueries queries, ChargesExport export, TimeProvider clock) : PageModel
{
    /// <summary>The first day of the period (UK date).</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "First day")]
    public DateOnly? From { get; set; }

    /// <summary>The last day of the period, included.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Last day")]
    public DateOnly? To { get; set; }

    public IReadOnlyList<AgencyCharges> Charges { get; private set; } = [];

    public string Period => ChargesExport.Period(From!.Value, To!.Value);

    public string WorkbookLink => $"/sessions/charges?handler=Workbook&From={From:yyyy-MM-dd}&To={To:yyyy-MM-dd}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ValidPeriod())
        {
            return Page();
        }
        Charges = await queries.ChargesAsync(From!.Value, To!.Value.AddDays(1), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetWorkbookAsync(CancellationToken cancellationToken)
    {
        if (!ValidPeriod())
        {
            return Page();
        }
        var workbook = await export.WorkbookAsync(From!.Value, To!.Value, cancellationToken);
        return File(workbook, RegisterExport.ContentType, $"charges-{From:yyyy-MM-dd}-to-{To:yyyy-MM-dd}.xlsx");
    }

    /// <summary>Checks the dates, defaulting to the current financial quarter when none were given.</summary>
    private bool ValidPeriod()
    {
        if (ModelState.IsValid && From is null && To is null)
        {
            (From, To) = FinancialQuarter(UkTime.Today(clock));
        }
        if (From is null && !HasError(nameof(From)))
        {
            ModelState.AddModelError(nameof(From), "Enter the first day of the period");
        }
        if (To is null && !HasError(nameof(To)))
        {
            ModelState.AddModelError(nameof(To), "Enter the last day of the period");
        }
        if (ModelState.IsValid && To < From)
        {
            ModelState.AddModelError(nameof(To), "The last day must be the same as or after the first day");
        }
        return ModelState.IsValid;
    }

    private bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>The UK financial quarter holding <paramref name="day"/>: April to June, July to September, October to December or January to March.</summary>
    private static (DateOnly First, DateOnly Last) FinancialQuarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }
}

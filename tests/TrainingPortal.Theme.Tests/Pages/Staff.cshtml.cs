using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrainingPortal.Theme.Tests.Pages;

public sealed class StaffModel : PageModel
{
    // "page" is also the Razor Pages route value naming the page, so it must be read from the query string alone.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "pages")]
    public int PageCount { get; set; } = 40;

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    public void OnGet()
    {
    }
}

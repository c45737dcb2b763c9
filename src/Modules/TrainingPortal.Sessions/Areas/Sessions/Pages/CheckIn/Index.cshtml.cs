using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core.Results;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.CheckIn;

[Authorize(Policy = Permissions.BookSessions)]
public class IndexModel(Registers registers) : PageModel
{
    [BindProperty]
    [Display(Name = "Code", Description = "The 6-character code your trainer is showing")]
    public string? Code { get; set; }

    /// <summary>The course of the session just checked in to, shown once after the redirect.</summary>
    [TempData]
    public string? CheckedInTo { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await registers.CheckInAsync(Code, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }
        CheckedInTo = result.Value!.CourseTitle;
        return RedirectToPage();
    }
}

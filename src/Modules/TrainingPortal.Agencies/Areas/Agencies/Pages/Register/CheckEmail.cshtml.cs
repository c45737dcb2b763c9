using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Register;

[AllowAnonymous]
public class CheckEmailModel : PageModel
{
    public string? Email { get; private set; }

    public void OnGet() => Email = TempData["RegisteredEmail"] as string;
}

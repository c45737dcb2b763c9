using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace TrainingPortal.Theme.Tests.Pages;

[IgnoreAntiforgeryToken]
public sealed class FormModel : PageModel
{
    [BindProperty]
    public FormInput Input { get; set; } = new();

    public string? Bound { get; private set; }

    public IReadOnlyList<SelectListItem> Agencies { get; } =
        [new("Northshire Council", "council"), new("Northshire Police", "police"), new("Northshire NHS Trust", "nhs")];

    public IReadOnlyList<SelectListItem> Roles { get; } =
        [new("Learner", "Learner"), new("Trainer", "Trainer"), new("Safeguarding lead", "Lead")];

    public IReadOnlyList<SelectListItem> Formats { get; } =
        [new("In person", "InPerson"), new("Online", "Online")];

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Bound = $"{Input.StartDate:yyyy-MM-dd} to {Input.EndDate:yyyy-MM-dd}";
        TempData["Success"] = "Your place is booked";
        return Page();
    }

    public IActionResult OnPostFull()
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, "The session is full");
        return Page();
    }
}

public sealed class FormInput
{
    [Display(Name = "Email address")]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? Notes { get; set; }

    [Required(ErrorMessage = "Choose your agency")]
    public string? AgencyId { get; set; }

    public bool IsFrontline { get; set; }

    public List<string> Roles { get; set; } = [];

    [Required(ErrorMessage = "Choose how you would like to attend")]
    public string? Format { get; set; }

    [Required(ErrorMessage = "Enter the start date")]
    public DateOnly? StartDate { get; set; }

    public DateOnly EndDate { get; set; }
}

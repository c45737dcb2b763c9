using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Register;

[AllowAnonymous]
public class RegisterModel(PractitionerRegistration registration, AgencyDirectory directory) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> AgencyItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await registration.RegisterAsync(Input, cancellationToken);
            if (result.Succeeded)
            {
                // The same page whether or not the address already had an account or a learning record.
                TempData["RegisteredEmail"] = StaffRecords.NormaliseEmail(Input.Email);
                return Redirect("/account/register/check-email");
            }
            ModelState.AddErrors(result, nameof(Input));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        AgencyItems = (await directory.ActiveAgenciesAsync(cancellationToken)).Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == Input.AgencyId)).ToList();
}

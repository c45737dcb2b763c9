using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Register;

[AllowAnonymous]
public class RegisterModel(PractitionerRegistration registration, AgencyDirectory directory, SignInManager<PortalUser> signIn) : PageModel
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
                await signIn.SignInAsync(result.Value!, isPersistent: false);
                TempData["Success"] = "Your account has been created. Your safeguarding lead will confirm that you work for your agency.";
                return Redirect("/");
            }
            ModelState.AddErrors(result, nameof(Input));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        AgencyItems = (await directory.ActiveAgenciesAsync(cancellationToken)).Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == Input.AgencyId)).ToList();
}

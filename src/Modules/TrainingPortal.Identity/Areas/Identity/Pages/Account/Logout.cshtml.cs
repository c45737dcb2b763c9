using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Identity.Domain;

namespace TrainingPortal.Identity.Areas.Identity.Pages.Account;

[AllowAnonymous]
public class LogoutModel(SignInManager<PortalUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Success"] = "You have signed out.";
        return Redirect("/account/login");
    }
}

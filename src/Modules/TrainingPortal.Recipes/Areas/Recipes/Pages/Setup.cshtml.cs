using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using TrainingPortal.Core.Results;
using TrainingPortal.Recipes.Services;

namespace TrainingPortal.Recipes.Areas.Recipes.Pages;

[AllowAnonymous]
public class SetupModel(SetupService setup, RecipeRunner recipes) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> RecipeItems => recipes.Available()
        .Select(r => new SelectListItem($"{r.DisplayName}: {r.Description}", r.Name, r.Name == Input.Recipe));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await setup.IsSetUpAsync(cancellationToken))
        {
            return Redirect("/");
        }
        Input.Recipe ??= recipes.Available().FirstOrDefault()?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await setup.IsSetUpAsync(cancellationToken))
        {
            return Redirect("/");
        }
        var result = await setup.SetUpAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData["Success"] = "The portal is set up. Sign in with the administrator account.";
        return Redirect("/account/login");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Register;

/// <summary>A printable A4 sheet for attendees to sign, for sessions where check-in on a phone does not suit.</summary>
[Authorize(Policy = Permissions.TakeRegisters)]
public class SignInSheetModel(Registers registers, SessionQueries queries) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public RegisterView Register { get; private set; } = null!;

    public IReadOnlyList<string> Trainers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await registers.MayTakeAsync(Id, cancellationToken))
        {
            return Forbid();
        }
        if (await registers.GetAsync(Id, cancellationToken) is not { } register)
        {
            return NotFound();
        }
        Register = register;
        Trainers = await queries.TrainerNamesAsync(Id, cancellationToken);
        return Page();
    }
}

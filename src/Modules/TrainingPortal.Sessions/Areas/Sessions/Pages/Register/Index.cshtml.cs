using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Identity.Services;
using TrainingPortal.Sessions.Domain;
using TrainingPortal.Sessions.Services;

namespace TrainingPortal.Sessions.Areas.Sessions.Pages.Register;

/// <summary>The trainer's register: marks attendance, shows the check-in code, closes the register, exports it.</summary>
[Authorize(Policy = Permissions.TakeRegisters)]
public class IndexModel(
    Registers registers, SessionQueries queries, RegisterExport export, PublicUrls urls, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The marks just posted, by booking id, to show again when saving them was refused.</summary>
    public IReadOnlyDictionary<Guid, AttendanceMark> Marks { get; private set; } = new Dictionary<Guid, AttendanceMark>();

    public RegisterView Register { get; private set; } = null!;

    public bool IsOpen => Register.Session.Status == SessionStatus.Scheduled && !Register.IsClosed;

    public bool NotOpenYet => IsOpen && clock.GetUtcNow().UtcDateTime < Session.RegisterOpensAt(Register.Session.StartsAtUtc);

    public string CheckInAddress => urls.Absolute("/check-in");

    /// <summary>Where the back link goes: the training unit came from the session's page, a trainer from their list.</summary>
    public string BackLink { get; private set; } = "/sessions/mine";

    /// <summary>The mark to show for a line: what was just posted, otherwise what is recorded.</summary>
    public AttendanceMark? MarkFor(RegisterLine line) =>
        Marks.TryGetValue(line.BookingId, out var posted) ? posted : line.Status switch
        {
            BookingStatus.Attended => AttendanceMark.Attended,
            BookingStatus.PartiallyAttended => AttendanceMark.Partial,
            BookingStatus.DidNotAttend => AttendanceMark.DidNotAttend,
            _ => null,
        };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await registers.MayTakeAsync(Id, cancellationToken) ? await LoadAsync(cancellationToken) : Forbid();

    public async Task<IActionResult> OnGetWorkbookAsync(CancellationToken cancellationToken)
    {
        if (!await registers.MayTakeAsync(Id, cancellationToken))
        {
            return Forbid();
        }
        if (await registers.GetAsync(Id, cancellationToken) is not { } register)
        {
            return NotFound();
        }
        var trainers = await queries.TrainerNamesAsync(Id, cancellationToken);
        var workbook = await export.WorkbookAsync(register, trainers, cancellationToken);
        var day = UkTime.FromUtc(register.Session.StartsAtUtc).ToString("yyyy-MM-dd");
        return File(workbook, RegisterExport.ContentType, $"register-{register.Session.CourseCode}-{day}.xlsx");
    }

    // Bound here rather than as a property, so that the close button's post does not try to read marks.
    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Marks")] Dictionary<Guid, AttendanceMark>? marks, CancellationToken cancellationToken)
    {
        Marks = marks ?? [];
        if (!await registers.MayTakeAsync(Id, cancellationToken))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "Choose attended, partial or did not attend for each person you mark");
            return await LoadAsync(cancellationToken);
        }
        var result = await registers.MarkAsync(Id, Marks, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = "Register saved. Close it when everyone is marked.";
        return Redirect($"/sessions/{Id}/register");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        if (!await registers.MayTakeAsync(Id, cancellationToken))
        {
            return Forbid();
        }
        var result = await registers.CloseAsync(Id, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return await LoadAsync(cancellationToken);
        }
        TempData["Success"] = "Register closed. Attendees have their training records and certificates, and agencies have been told about anyone who did not attend.";
        return Redirect($"/sessions/{Id}/register");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        if (await registers.GetAsync(Id, cancellationToken) is not { } register)
        {
            return NotFound();
        }
        Register = register;
        if ((await authorization.AuthorizeAsync(User, Permissions.ScheduleSessions)).Succeeded)
        {
            BackLink = $"/sessions/{Id}/manage";
        }
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Areas.Agencies.Pages.Staff;

[Authorize(Policy = Permissions.ManageStaff)]
public class EditModel(StaffRecords staff, AgencyDirectory directory, WorkforceGroups groups, AgencyScope scope) : StaffFormModel(directory, groups, scope)
{
    [FromRoute]
    public Guid? PractitionerId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PractitionerId is { } practitionerId)
        {
            var (access, record) = await staff.GetAsync(AgencyId, practitionerId, cancellationToken);
            if (access != Access.Allowed)
            {
                return access == Access.Forbidden ? Forbid() : NotFound();
            }
            Input = new StaffInput
            {
                FirstName = record!.FirstName, LastName = record.LastName, Email = record.Email, EmployeeReference = record.EmployeeReference,
                TeamId = record.TeamId, JobTitle = record.JobTitle, WorkforceGroupId = record.WorkforceGroupId, IsFrontline = record.IsFrontline,
                ManagerName = record.ManagerName, ManagerEmail = record.ManagerEmail, StartDate = record.StartDate, LeavingDate = record.LeavingDate,
            };
        }
        return await LoadListsAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadListsAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (PractitionerId is { } changing)
        {
            // Someone not on this agency's staff list: 404, as the form itself answers, not the form again with an error.
            var (access, _) = await staff.GetAsync(AgencyId, changing, cancellationToken);
            if (access != Access.Allowed)
            {
                return access == Access.Forbidden ? Forbid() : NotFound();
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Guid practitionerId;
        if (PractitionerId is { } existing)
        {
            var result = await staff.UpdateAsync(AgencyId, existing, Input, cancellationToken);
            if (!result.Succeeded)
            {
                ModelState.AddErrors(result, nameof(Input));
                return Page();
            }
            practitionerId = existing;
            TempData["Success"] = "Staff details saved.";
        }
        else
        {
            var result = await staff.AddAsync(AgencyId, Input, cancellationToken);
            if (!result.Succeeded)
            {
                ModelState.AddErrors(result, nameof(Input));
                return Page();
            }
            practitionerId = result.Value;
            TempData["Success"] = $"{Input.FirstName!.Trim()} {Input.LastName!.Trim()} has been added.";
        }
        return Redirect($"/agencies/{AgencyId}/practitioners/{practitionerId}");
    }
}

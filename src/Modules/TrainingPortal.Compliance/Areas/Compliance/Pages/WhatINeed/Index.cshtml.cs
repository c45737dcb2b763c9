using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;

namespace TrainingPortal.Compliance.Areas.Compliance.Pages.WhatINeed;

/// <summary>"What I need": the training each of the person's agencies requires of their role, with how they stand and what to do next.</summary>
[Authorize(Policy = Permissions.SeeOwnRequirements)]
public class IndexModel(Learners learners, ComplianceCalculator calculator) : PageModel
{
    public bool HasLearningRecord { get; private set; }

    public IReadOnlyList<MembershipNeeds> Needs { get; private set; } = [];

    public int DueSoonDays { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DueSoonDays = await calculator.DueSoonDaysAsync(cancellationToken);
        if (await learners.FindCurrentAsync(cancellationToken) is { } practitionerId)
        {
            HasLearningRecord = true;
            Needs = await calculator.NeedsAsync(practitionerId, cancellationToken: cancellationToken);
        }
    }
}

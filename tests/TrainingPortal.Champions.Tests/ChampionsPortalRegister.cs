using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Jobs;
using TrainingPortal.Champions.Services;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Champions.Tests;

/// <summary>Steps on the champion register, taken through its services as the pages take them.</summary>
public static class ChampionsPortalRegister
{
    public static Task<(Access Access, OperationResult<Guid> Result)> NominateAsync(
        this ChampionsPortal portal, SignedInUser lead, Guid agencyId, Guid practitionerId, DateOnly? startDate = null, string area = "Early years") =>
        portal.As(lead, s => s.GetRequiredService<ChampionRegister>().NominateAsync(agencyId,
            new NominationInput { PractitionerId = practitionerId, AreaOfInterest = area, StartDate = startDate ?? portal.Today }));

    /// <summary>Nominates and returns the entry, failing the test if the nomination is refused.</summary>
    public static async Task<Guid> NominatedAsync(this ChampionsPortal portal, SignedInUser lead, Guid agencyId, Guid practitionerId, DateOnly? startDate = null)
    {
        var (access, result) = await portal.NominateAsync(lead, agencyId, practitionerId, startDate);
        Assert.Equal(Access.Allowed, access);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    /// <summary>The open spell of an entry, as the decision page is reached from the register.</summary>
    public static Task<Guid> OpenSpellAsync(this ChampionsPortal portal, Guid championId) =>
        portal.As(portal.Coordinator, async s => (await s.GetRequiredService<ChampionRegister>().EntryAsync(championId)).Entry!.Open!.Id);

    public static async Task<OperationResult> DecideAsync(this ChampionsPortal portal, Guid championId, string decision, string? reason = null)
    {
        var spellId = await portal.OpenSpellAsync(championId);
        var (access, result) = await portal.As(portal.Coordinator, s => s.GetRequiredService<ChampionRegister>()
            .DecideAsync(spellId, new DecisionInput { Decision = decision, Reason = reason }));
        Assert.Equal(Access.Allowed, access);
        return result;
    }

    /// <summary>Nominated by the agency's lead and approved by the coordinator.</summary>
    public static async Task<Guid> ChampionAsync(this ChampionsPortal portal, SignedInUser lead, Guid agencyId, Guid practitionerId, DateOnly? startDate = null)
    {
        var championId = await portal.NominatedAsync(lead, agencyId, practitionerId, startDate);
        Assert.True((await portal.DecideAsync(championId, DecisionInput.Approve)).Succeeded);
        return championId;
    }

    public static Task<ChampionEntry> EntryAsync(this ChampionsPortal portal, Guid championId) =>
        portal.As(portal.Coordinator, async s => (await s.GetRequiredService<ChampionRegister>().EntryAsync(championId)).Entry!);

    /// <summary>Whether the account holds the champion role as the database has it (what the next sign-in gets).</summary>
    public static Task<bool> HoldsChampionRoleAsync(this ChampionsPortal portal, SignedInUser user) =>
        portal.App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().AccountIdsInRole(Roles.NeglectChampion).ContainsAsync(user.UserId));

    public static Task<int> RunLapseJobAsync(this ChampionsPortal portal) =>
        portal.App.InScopeAsync(s => s.GetRequiredService<ChampionLapseJob>().LapseLeaversAsync(CancellationToken.None));

    /// <summary>Records that the person leaves the agency on <paramref name="leavingDate"/>, as the staff form does.</summary>
    public static Task LeavesAsync(this ChampionsPortal portal, Guid agencyId, Guid practitionerId, DateOnly leavingDate) => portal.As(portal.Coordinator, async s =>
    {
        var records = s.GetRequiredService<StaffRecords>();
        var (_, record) = await records.GetAsync(agencyId, practitionerId);
        var result = await records.UpdateAsync(agencyId, practitionerId, new StaffInput
        {
            FirstName = record!.FirstName, LastName = record.LastName, Email = record.Email, JobTitle = record.JobTitle,
            WorkforceGroupId = record.WorkforceGroupId, TeamId = record.TeamId, StartDate = record.StartDate, LeavingDate = leavingDate,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
    });
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>
/// Keeps the <see cref="Roles.NeglectChampion"/> role in step with the register: an account holds it while its person
/// has an active spell in any agency. A person without an account gets no role.
/// </summary>
public sealed class ChampionRoles(PortalDbContext db, UserAccounts accounts)
{
    /// <summary>
    /// Grants or removes the role for the person's account from their spells as saved. Returns whether the account now
    /// holds the role, or null when the person has no account. Saves the caller's pending changes with it.
    /// </summary>
    public async Task<bool?> ReconcileAsync(Guid practitionerId, CancellationToken cancellationToken = default)
    {
        var userId = await db.AllPractitioners().Where(p => p.Id == practitionerId).Select(p => p.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is not { } id)
        {
            return null;
        }
        var active = await (from s in db.Set<ChampionSpell>()
                            where s.Status == SpellStatus.Active
                            join c in db.Set<Champion>() on s.ChampionId equals c.Id
                            where c.PractitionerId == practitionerId
                            select s.Id).AnyAsync(cancellationToken);
        if (active)
        {
            await accounts.AddToRoleAsync(id, Roles.NeglectChampion, cancellationToken);
        }
        else
        {
            await accounts.RemoveFromRoleAsync(id, Roles.NeglectChampion, cancellationToken);
        }
        return active;
    }
}

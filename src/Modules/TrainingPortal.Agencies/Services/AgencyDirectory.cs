using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Agencies.Services;

public sealed record AgencySummary(Guid Id, string Name, string Sector, bool IsActive, int CurrentStaff, int AwaitingConfirmation);

public sealed record AgencyDetail(Guid Id, string Name, int SectorId, string Sector, bool IsActive, IReadOnlyList<TeamSummary> Teams, IReadOnlyList<LeadSummary> Leads);

public sealed record TeamSummary(Guid Id, string Name, int CurrentStaff);

public sealed record LeadSummary(Guid UserId, string Name, string Email);

public sealed record LookupItem<TKey>(TKey Id, string Name);

/// <summary>Agencies, their teams and their safeguarding leads.</summary>
public sealed class AgencyDirectory(PortalDbContext db, AgencyScope scope, UserAccounts accounts, AuditTrail audit, TimeProvider clock, ReferenceDataCache referenceData)
{
    private DateOnly Today => UkTime.Today(clock);

    /// <summary>The agencies the user may see, with current staff counts computed in the database.</summary>
    public async Task<IReadOnlyList<AgencySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var agencies = await scope.VisibleAgenciesAsync(cancellationToken);
        var current = db.CurrentMemberships(today);
        return await agencies
            .OrderBy(a => a.Name)
            .Select(a => new AgencySummary(
                a.Id, a.Name, a.Sector!.Name, a.IsActive,
                current.Count(m => m.AgencyId == a.Id),
                db.Set<AgencyMembership>().Count(m => m.AgencyId == a.Id && m.Status == MembershipStatus.AwaitingConfirmation)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Null when the agency does not exist or the user may not see it.</summary>
    public async Task<AgencyDetail?> GetAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return null;
        }
        var today = Today;
        var agency = await db.Set<Agency>().AsNoTracking()
            .Where(a => a.Id == agencyId)
            .Select(a => new { a.Id, a.Name, a.SectorId, Sector = a.Sector!.Name, a.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (agency is null)
        {
            return null;
        }
        var current = db.CurrentMemberships(today);
        var teams = await db.Set<Team>().AsNoTracking().Where(t => t.AgencyId == agencyId).OrderBy(t => t.Name)
            .Select(t => new TeamSummary(t.Id, t.Name, current.Count(m => m.TeamId == t.Id)))
            .ToListAsync(cancellationToken);
        var leadIds = await db.Set<AgencyLead>().AsNoTracking().Where(l => l.AgencyId == agencyId).Select(l => l.UserId).ToListAsync(cancellationToken);
        var leads = (await accounts.DescribeAsync(leadIds, cancellationToken)).Select(u => new LeadSummary(u.Id, u.Name, u.Email)).ToList();
        return new AgencyDetail(agency.Id, agency.Name, agency.SectorId, agency.Sector, agency.IsActive, teams, leads);
    }

    public Task<IReadOnlyList<LookupItem<int>>> SectorsAsync(CancellationToken cancellationToken = default) =>
        referenceData.SectorsAsync(async () =>
            await db.Set<Sector>().AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Name).Select(s => new LookupItem<int>(s.Id, s.Name)).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<LookupItem<Guid>>> TeamsAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        await db.Set<Team>().AsNoTracking().Where(t => t.AgencyId == agencyId).OrderBy(t => t.Name).Select(t => new LookupItem<Guid>(t.Id, t.Name)).ToListAsync(cancellationToken);

    /// <summary>Active agencies by name, for people choosing where they work when they register.</summary>
    public async Task<IReadOnlyList<LookupItem<Guid>>> ActiveAgenciesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new LookupItem<Guid>(a.Id, a.Name)).ToListAsync(cancellationToken);

    public async Task<OperationResult<Guid>> CreateAsync(string name, int sectorId, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        var problems = await ValidateAsync(null, name, sectorId, cancellationToken);
        if (problems.Count > 0)
        {
            return OperationResult<Guid>.Failed(problems);
        }
        var agency = new Agency { Id = Guid.NewGuid(), Name = name, SectorId = sectorId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Set<Agency>().Add(agency);
        audit.Record("Agency created", "Agency", agency.Id, $"Name: {name}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<Guid>.Ok(agency.Id);
    }

    public async Task<OperationResult> UpdateAsync(Guid agencyId, string name, int sectorId, bool isActive, CancellationToken cancellationToken = default)
    {
        var agency = await db.Set<Agency>().Include(a => a.Sector).SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
        if (agency is null)
        {
            return OperationResult.Failed("", "That agency no longer exists.");
        }
        name = name.Trim();
        var problems = await ValidateAsync(agencyId, name, sectorId, cancellationToken);
        if (problems.Count > 0)
        {
            return OperationResult.Failed(problems);
        }
        var details = AuditTrail.Describe(("Name", agency.Name, name), ("Sector", agency.SectorId, sectorId), ("Active", agency.IsActive, isActive));
        agency.Name = name;
        agency.SectorId = sectorId;
        agency.IsActive = isActive;
        if (details is not null)
        {
            audit.Record("Agency changed", "Agency", agency.Id, details);
            await db.SaveChangesAsync(cancellationToken);
        }
        return OperationResult.Success;
    }

    public async Task<OperationResult> AddTeamAsync(Guid agencyId, string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            return OperationResult.Failed("TeamName", "Enter the team's name");
        }
        if (name.Length > 200)
        {
            return OperationResult.Failed("TeamName", "Team name must be 200 characters or fewer");
        }
        if (!await scope.CanManageAsync(agencyId, cancellationToken) || !await db.Set<Agency>().AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            return OperationResult.Failed("", "You cannot change that agency.");
        }
        if (await db.Set<Team>().AnyAsync(t => t.AgencyId == agencyId && t.Name == name, cancellationToken))
        {
            return OperationResult.Failed("TeamName", $"The agency already has a team called {name}");
        }
        var team = new Team { Id = Guid.NewGuid(), AgencyId = agencyId, Name = name };
        db.Set<Team>().Add(team);
        audit.Record("Team added", "Agency", agencyId, $"Team: {name}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// Makes a person a safeguarding lead for the agency, creating their account (and emailing them a link
    /// to set a password) if they have none.
    /// </summary>
    public async Task<OperationResult> AddLeadAsync(Guid agencyId, string email, string firstName, string lastName, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<Agency>().AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            return OperationResult.Failed("", "That agency no longer exists.");
        }
        var account = await accounts.EnsureAccountAsync(email, firstName, lastName, [Roles.SafeguardingLead], cancellationToken: cancellationToken);
        if (!account.Succeeded)
        {
            return OperationResult.Failed(account.Errors.Select(e => e with { Field = e.Field == "Password" ? "LeadEmail" : "Lead" + e.Field }));
        }
        var userId = account.Value!.Id;
        if (!await db.Set<AgencyLead>().AnyAsync(l => l.AgencyId == agencyId && l.UserId == userId, cancellationToken))
        {
            db.Set<AgencyLead>().Add(new AgencyLead { AgencyId = agencyId, UserId = userId, Since = clock.GetUtcNow().UtcDateTime });
            audit.Record("Safeguarding lead added", "Agency", agencyId, $"Lead: {email.Trim()}");
            await db.SaveChangesAsync(cancellationToken);
        }
        return OperationResult.Success;
    }

    public async Task RemoveLeadAsync(Guid agencyId, Guid userId, CancellationToken cancellationToken = default)
    {
        var lead = await db.Set<AgencyLead>().FindAsync([agencyId, userId], cancellationToken);
        if (lead is not null)
        {
            db.Set<AgencyLead>().Remove(lead);
            audit.Record("Safeguarding lead removed", "Agency", agencyId, $"User: {userId}");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<List<FieldError>> ValidateAsync(Guid? agencyId, string name, int sectorId, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (name.Length == 0)
        {
            errors.Add(new("Name", "Enter the agency's name"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new("Name", "Agency name must be 200 characters or fewer"));
        }
        else if (await db.Set<Agency>().AnyAsync(a => a.Name == name && a.Id != agencyId, cancellationToken))
        {
            errors.Add(new("Name", $"There is already an agency called {name}"));
        }
        if (!await db.Set<Sector>().AnyAsync(s => s.Id == sectorId, cancellationToken))
        {
            errors.Add(new("SectorId", "Select the agency's sector"));
        }
        return errors;
    }
}

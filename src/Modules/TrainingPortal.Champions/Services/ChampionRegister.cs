using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>A line on a register: an entry and where its latest spell stands.</summary>
public sealed record ChampionLine(
    Guid ChampionId, Guid AgencyId, string AgencyName, Guid PractitionerId, string Name, string AreaOfInterest,
    SpellStatus Status, DateOnly StartDate, DateOnly? EndDate, bool HasAccount, bool MissingAdvancedTraining);

/// <summary>How many champions an agency has today.</summary>
public sealed record AgencyChampionCount(Guid AgencyId, string AgencyName, int Active, int Nominated, int WithoutAdvancedTraining);

/// <summary>A nomination waiting for the training unit.</summary>
public sealed record PendingNomination(Guid SpellId, Guid ChampionId, string Name, string AgencyName, DateOnly StartDate, DateTime NominatedAt);

/// <summary>One spell in an entry's history.</summary>
public sealed record SpellView(Guid Id, SpellStatus Status, DateOnly StartDate, DateOnly? EndDate, string? Reason, DateTime NominatedAt, string? NominatedBy, DateTime? DecidedAt, string? DecidedBy)
{
    public bool IsOpen => Status is SpellStatus.Nominated or SpellStatus.Active;
}

/// <summary>An entry on the register with its history, newest spell first.</summary>
public sealed record ChampionEntry(
    Guid Id, Guid AgencyId, string AgencyName, Guid PractitionerId, string Name, string AreaOfInterest, bool HasAccount,
    bool MissingAdvancedTraining, IReadOnlyList<SpellView> Spells)
{
    public SpellView? Open => Spells.FirstOrDefault(s => s.IsOpen);
}

/// <summary>Someone on an agency's staff who can be nominated.</summary>
public sealed record NomineeChoice(Guid PractitionerId, string Name, string? JobTitle);

/// <summary>
/// The neglect champion register. A safeguarding lead nominates a current member of their agency's staff; the training
/// unit approves (the person's account gets the champion role) or declines with a reason; the lead or the training unit
/// ends a spell when the champion steps down; the lapse job ends it when they leave. An entry is one person in one
/// agency; its spells are its history, and it has at most one open (nominated or active) spell.
/// </summary>
public sealed class ChampionRegister(
    PortalDbContext db, AgencyScope scope, ICurrentUser currentUser, ChampionRoles roles, ChampionMail mail, AuditTrail audit, TimeProvider clock)
{
    public const int MaxAreaOfInterest = 200;

    public const int MaxReason = 1000;

    public DateOnly Today => UkTime.Today(clock);

    /// <summary>True for the training unit, who see every agency's champions by name and decide nominations.</summary>
    public bool SeesAllAgencies => scope.SeesAllAgencies;

    /// <summary>True when the user may see this agency's register by name (its lead or the training unit).</summary>
    public async Task<Access> AgencyAccessAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        if (!await db.AllAgencies().AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            return Access.NotFound;
        }
        return await scope.CanManageAsync(agencyId, cancellationToken) ? Access.Allowed : Access.Forbidden;
    }

    public Task<string?> AgencyNameAsync(Guid agencyId, CancellationToken cancellationToken = default) =>
        db.AllAgencies().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Champions per agency: every active agency for the training unit and the board, the led agencies for a lead.
    /// Counts only; names come from <see cref="ListAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<AgencyChampionCount>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var agencies = db.AllAgencies();
        if (!SeesAllAgencies && !currentUser.IsInRole(Roles.BoardMember))
        {
            var led = await scope.LedAgenciesAsync(cancellationToken);
            agencies = agencies.Where(a => led.Contains(a.Id));
        }
        else
        {
            agencies = agencies.Where(a => a.IsActive);
        }
        var today = Today;
        var advanced = db.PractitionersWithAdvancedTraining(today);
        var open = from s in db.Set<ChampionSpell>().AsNoTracking()
                   where s.Status == SpellStatus.Active || s.Status == SpellStatus.Nominated
                   join c in db.Set<Champion>().AsNoTracking() on s.ChampionId equals c.Id
                   select new { c.AgencyId, c.PractitionerId, s.Status };
        return await agencies.OrderBy(a => a.Name).Select(a => new AgencyChampionCount(
            a.Id, a.Name,
            open.Count(o => o.AgencyId == a.Id && o.Status == SpellStatus.Active),
            open.Count(o => o.AgencyId == a.Id && o.Status == SpellStatus.Nominated),
            open.Count(o => o.AgencyId == a.Id && o.Status == SpellStatus.Active && !advanced.Contains(o.PractitionerId)))).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Entries by name, one page at a time: of one agency (its lead or the training unit), or of every agency when
    /// <paramref name="agencyId"/> is null (the training unit only), then only those with an open spell.
    /// </summary>
    public async Task<(Access Access, PagedList<ChampionLine>? Lines)> ListAsync(Guid? agencyId, int page, CancellationToken cancellationToken = default)
    {
        var access = agencyId is { } id ? await AgencyAccessAsync(id, cancellationToken) : SeesAllAgencies ? Access.Allowed : Access.Forbidden;
        if (access != Access.Allowed)
        {
            return (access, null);
        }
        return (Access.Allowed, await Lines(agencyId, openOnly: agencyId is null).ToPagedListAsync(page, cancellationToken: cancellationToken));
    }

    /// <summary>Every line of one agency's register or the whole partnership's, for exports (access checked by the caller).</summary>
    internal IAsyncEnumerable<ChampionLine> AllLinesAsync(Guid? agencyId) =>
        Lines(agencyId, openOnly: false).AsAsyncEnumerable();

    /// <summary>Entries with their latest spell, by agency and name (sorted before the projection, which the database cannot sort on).</summary>
    private IQueryable<ChampionLine> Lines(Guid? agencyId, bool openOnly)
    {
        var today = Today;
        var advanced = db.PractitionersWithAdvancedTraining(today);
        var champions = db.Set<Champion>().AsNoTracking();
        if (agencyId is { } id)
        {
            champions = champions.Where(c => c.AgencyId == id);
        }
        return from c in champions
               join p in db.AllPractitioners() on c.PractitionerId equals p.Id
               join a in db.AllAgencies() on c.AgencyId equals a.Id
               let latest = db.Set<ChampionSpell>().Where(s => s.ChampionId == c.Id)
                   .OrderByDescending(s => s.NominatedAt).ThenByDescending(s => s.StartDate).FirstOrDefault()
               where latest != null && (!openOnly || latest.Status == SpellStatus.Active || latest.Status == SpellStatus.Nominated)
               orderby a.Name, p.LastName, p.FirstName
               select new ChampionLine(c.Id, a.Id, a.Name, p.Id, p.FirstName + " " + p.LastName, c.AreaOfInterest,
                   latest.Status, latest.StartDate, latest.EndDate, p.UserId != null, !advanced.Contains(p.Id));
    }

    /// <summary>Nominations waiting for a decision, oldest first (the training unit only; empty for others).</summary>
    public async Task<IReadOnlyList<PendingNomination>> PendingAsync(CancellationToken cancellationToken = default)
    {
        if (!SeesAllAgencies)
        {
            return [];
        }
        return await (from s in db.Set<ChampionSpell>().AsNoTracking()
                      where s.Status == SpellStatus.Nominated
                      join c in db.Set<Champion>() on s.ChampionId equals c.Id
                      join p in db.AllPractitioners() on c.PractitionerId equals p.Id
                      join a in db.AllAgencies() on c.AgencyId equals a.Id
                      orderby s.NominatedAt
                      select new PendingNomination(s.Id, c.Id, p.FirstName + " " + p.LastName, a.Name, s.StartDate, s.NominatedAt)).ToListAsync(cancellationToken);
    }

    /// <summary>Current staff of the agency who have no open spell there, by name, to choose a nominee from.</summary>
    public async Task<(Access Access, IReadOnlyList<NomineeChoice> Staff)> NomineeChoicesAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var access = await AgencyAccessAsync(agencyId, cancellationToken);
        if (access != Access.Allowed)
        {
            return (access, []);
        }
        var open = from s in db.Set<ChampionSpell>()
                   where s.Status == SpellStatus.Active || s.Status == SpellStatus.Nominated
                   join c in db.Set<Champion>() on s.ChampionId equals c.Id
                   where c.AgencyId == agencyId
                   select c.PractitionerId;
        var staff = await db.CurrentMemberships(Today).Where(m => m.AgencyId == agencyId && !open.Contains(m.PractitionerId))
            .OrderBy(m => m.Practitioner!.LastName).ThenBy(m => m.Practitioner!.FirstName)
            .Select(m => new NomineeChoice(m.PractitionerId, m.Practitioner!.FirstName + " " + m.Practitioner.LastName, m.JobTitle))
            .ToListAsync(cancellationToken);
        return (Access.Allowed, staff);
    }

    /// <summary>
    /// Nominates a current member of the agency's staff, and tells the training unit. Refused, naming the field: a person
    /// not on the agency's staff, a leaver, a start date in the future or before they started at the agency, a second
    /// open spell. Forbidden when the user does not lead the agency, or cannot see the person through any agency.
    /// Returns the entry's id.
    /// </summary>
    public async Task<(Access Access, OperationResult<Guid> Result)> NominateAsync(Guid agencyId, NominationInput input, CancellationToken cancellationToken = default)
    {
        var access = await AgencyAccessAsync(agencyId, cancellationToken);
        if (access != Access.Allowed)
        {
            return (access, OperationResult<Guid>.Failed("", "You cannot nominate champions for this agency."));
        }
        var errors = new List<FieldError>();
        var area = input.AreaOfInterest?.Trim();
        if (string.IsNullOrEmpty(area))
        {
            errors.Add(new(nameof(NominationInput.AreaOfInterest), "Enter the champion's area of interest"));
        }
        else if (area.Length > MaxAreaOfInterest)
        {
            errors.Add(new(nameof(NominationInput.AreaOfInterest), $"Area of interest must be {MaxAreaOfInterest} characters or fewer"));
        }
        var today = Today;
        if (input.StartDate is not { } startDate)
        {
            errors.Add(new(nameof(NominationInput.StartDate), "Enter the date they start as a champion"));
        }
        else if (startDate > today)
        {
            errors.Add(new(nameof(NominationInput.StartDate), "The start date must be today or in the past"));
        }
        if (input.PractitionerId is not { } practitionerId)
        {
            errors.Add(new(nameof(NominationInput.PractitionerId), "Select the member of staff to nominate"));
            return (Access.Allowed, OperationResult<Guid>.Failed(errors));
        }

        var membership = await db.KnownMemberships().Where(m => m.AgencyId == agencyId && m.PractitionerId == practitionerId)
            .OrderByDescending(m => m.LeavingDate == null).ThenByDescending(m => m.LeavingDate).FirstOrDefaultAsync(cancellationToken);
        if (membership is null)
        {
            var visible = await scope.VisibleAgenciesAsync(cancellationToken);
            var seen = await db.KnownMemberships().AnyAsync(m => m.PractitionerId == practitionerId && visible.Any(a => a.Id == m.AgencyId), cancellationToken);
            if (!seen)
            {
                return (Access.Forbidden, OperationResult<Guid>.Failed("", "You cannot see this person."));
            }
            errors.Add(new(nameof(NominationInput.PractitionerId), "This person is not on the agency's staff list"));
        }
        else if (membership.LeavingDate is { } left && left <= today)
        {
            errors.Add(new(nameof(NominationInput.PractitionerId), $"This person left the agency on {UkTime.FormatDate(left)}"));
        }
        else if (membership.Status != MembershipStatus.Confirmed)
        {
            errors.Add(new(nameof(NominationInput.PractitionerId), "This person's membership of the agency has not been confirmed yet"));
        }
        else if (input.StartDate is { } start && membership.StartDate is { } joined && start < joined)
        {
            errors.Add(new(nameof(NominationInput.StartDate), $"The start date must be on or after the day they started at the agency ({UkTime.FormatDate(joined)})"));
        }

        var champion = await db.Set<Champion>().Include(c => c.Spells)
            .SingleOrDefaultAsync(c => c.AgencyId == agencyId && c.PractitionerId == practitionerId, cancellationToken);
        if (champion?.Spells.Any(s => s.IsOpen) == true)
        {
            errors.Add(new(nameof(NominationInput.PractitionerId), "This person is already a champion or nominated for this agency"));
        }
        if (errors.Count > 0)
        {
            return (Access.Allowed, OperationResult<Guid>.Failed(errors));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (champion is null)
        {
            champion = new Champion { Id = Guid.NewGuid(), PractitionerId = practitionerId, AgencyId = agencyId, AreaOfInterest = area!, CreatedAt = now };
            db.Set<Champion>().Add(champion);
        }
        champion.AreaOfInterest = area!;
        var spell = new ChampionSpell
        {
            Id = Guid.NewGuid(), ChampionId = champion.Id, Status = SpellStatus.Nominated, StartDate = input.StartDate!.Value,
            NominatedByUserId = currentUser.UserId, NominatedAt = now,
        };
        db.Set<ChampionSpell>().Add(spell);
        audit.Record("Champion nominated", "Champion", champion.Id, $"Area of interest: {area}; from {UkTime.FormatDate(spell.StartDate)}");

        var names = await (from p in db.AllPractitioners() where p.Id == practitionerId select p.FirstName + " " + p.LastName).SingleAsync(cancellationToken);
        var agencyName = (await AgencyNameAsync(agencyId, cancellationToken))!;
        var nominatedBy = await NameOfAsync(currentUser.UserId, cancellationToken) ?? "The safeguarding lead";
        var unit = await (from u in db.Accounts()
                          where db.AccountIdsInRole(Roles.TrainingCoordinator).Contains(u.Id) && u.Email != null
                          select new { u.Email, u.FirstName, u.LastName }).ToListAsync(cancellationToken);
        foreach (var person in unit)
        {
            await mail.NominatedAsync(person.Email!, $"{person.FirstName} {person.LastName}", names, agencyName, nominatedBy, spell.Id, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two nominations of the same person at once: the index keeps one open spell.
            db.ChangeTracker.Clear();
            return (Access.Allowed, OperationResult<Guid>.Failed(nameof(NominationInput.PractitionerId), "This person is already a champion or nominated for this agency"));
        }
        return (Access.Allowed, OperationResult<Guid>.Ok(champion.Id));
    }

    /// <summary>
    /// Approves a nomination (the person's account gets the champion role) or declines it with a reason, and tells the
    /// nominee and the lead who nominated them. The training unit only.
    /// </summary>
    public async Task<(Access Access, OperationResult Result)> DecideAsync(Guid spellId, DecisionInput input, CancellationToken cancellationToken = default)
    {
        var spell = await db.Set<ChampionSpell>().SingleOrDefaultAsync(s => s.Id == spellId, cancellationToken);
        if (spell is null)
        {
            return (Access.NotFound, OperationResult.Failed("", "That nomination no longer exists."));
        }
        if (!SeesAllAgencies)
        {
            return (Access.Forbidden, OperationResult.Failed("", "Only the training unit decides nominations."));
        }
        if (spell.Status != SpellStatus.Nominated)
        {
            return (Access.Allowed, OperationResult.Failed(nameof(DecisionInput.Decision), "This nomination has already been decided"));
        }
        var approve = input.Decision == DecisionInput.Approve;
        var reason = input.Reason?.Trim();
        if (input.Decision is not (DecisionInput.Approve or DecisionInput.Decline))
        {
            return (Access.Allowed, OperationResult.Failed(nameof(DecisionInput.Decision), "Select whether to approve or decline the nomination"));
        }
        if (!approve && string.IsNullOrEmpty(reason))
        {
            return (Access.Allowed, OperationResult.Failed(nameof(DecisionInput.Reason), "Enter why the nomination is declined"));
        }
        if (reason?.Length > MaxReason)
        {
            return (Access.Allowed, OperationResult.Failed(nameof(DecisionInput.Reason), $"The reason must be {MaxReason} characters or fewer"));
        }
        var champion = await db.Set<Champion>().SingleAsync(c => c.Id == spell.ChampionId, cancellationToken);
        spell.Status = approve ? SpellStatus.Active : SpellStatus.Declined;
        spell.Reason = string.IsNullOrEmpty(reason) ? null : reason;
        spell.DecidedByUserId = currentUser.UserId;
        spell.DecidedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(approve ? "Champion approved" : "Champion declined", "Champion", champion.Id, approve ? $"From {UkTime.FormatDate(spell.StartDate)}" : $"Reason: {reason}");

        var person = await db.AllPractitioners().Where(p => p.Id == champion.PractitionerId)
            .Select(p => new { Name = p.FirstName + " " + p.LastName, p.Email }).SingleAsync(cancellationToken);
        var agencyName = (await AgencyNameAsync(champion.AgencyId, cancellationToken))!;
        var lead = spell.NominatedByUserId is { } leadId
            ? await db.Accounts().Where(u => u.Id == leadId && u.Email != null).Select(u => new { u.Email, Name = u.FirstName + " " + u.LastName }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (person.Email is { } email)
        {
            await (approve
                ? mail.ApprovedAsync(email, person.Name, person.Name, agencyName, spell.StartDate, toNominee: true, cancellationToken)
                : mail.DeclinedAsync(email, person.Name, person.Name, agencyName, reason!, toNominee: true, cancellationToken));
        }
        if (lead is not null)
        {
            await (approve
                ? mail.ApprovedAsync(lead.Email!, lead.Name, person.Name, agencyName, spell.StartDate, toNominee: false, cancellationToken)
                : mail.DeclinedAsync(lead.Email!, lead.Name, person.Name, agencyName, reason!, toNominee: false, cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        await roles.ReconcileAsync(champion.PractitionerId, cancellationToken);
        return (Access.Allowed, OperationResult.Success);
    }

    /// <summary>
    /// Ends the entry's active spell today, with a reason; the account loses the champion role unless the person is
    /// active in another agency. The agency's lead or the training unit.
    /// </summary>
    public async Task<(Access Access, OperationResult Result)> StepDownAsync(Guid championId, StepDownInput input, CancellationToken cancellationToken = default)
    {
        var champion = await db.Set<Champion>().Include(c => c.Spells).SingleOrDefaultAsync(c => c.Id == championId, cancellationToken);
        if (champion is null)
        {
            return (Access.NotFound, OperationResult.Failed("", "That entry no longer exists."));
        }
        if (!await scope.CanManageAsync(champion.AgencyId, cancellationToken))
        {
            return (Access.Forbidden, OperationResult.Failed("", "You cannot change this agency's register."));
        }
        var spell = champion.Spells.SingleOrDefault(s => s.Status == SpellStatus.Active);
        if (spell is null)
        {
            return (Access.Allowed, OperationResult.Failed(nameof(StepDownInput.Reason), "This person is not an active champion"));
        }
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return (Access.Allowed, OperationResult.Failed(nameof(StepDownInput.Reason), "Enter why they are stepping down"));
        }
        if (reason.Length > MaxReason)
        {
            return (Access.Allowed, OperationResult.Failed(nameof(StepDownInput.Reason), $"The reason must be {MaxReason} characters or fewer"));
        }
        var today = Today;
        spell.Status = SpellStatus.SteppedDown;
        spell.EndDate = today < spell.StartDate ? spell.StartDate : today;
        spell.Reason = reason;
        audit.Record("Champion stepped down", "Champion", champion.Id, $"From {UkTime.FormatDate(spell.EndDate.Value)}; reason: {reason}");
        await db.SaveChangesAsync(cancellationToken);
        await roles.ReconcileAsync(champion.PractitionerId, cancellationToken);
        return (Access.Allowed, OperationResult.Success);
    }

    /// <summary>An entry with its spells: the agency's lead or the training unit.</summary>
    public async Task<(Access Access, ChampionEntry? Entry)> EntryAsync(Guid championId, CancellationToken cancellationToken = default)
    {
        var champion = await db.Set<Champion>().AsNoTracking().Include(c => c.Spells).SingleOrDefaultAsync(c => c.Id == championId, cancellationToken);
        if (champion is null)
        {
            return (Access.NotFound, null);
        }
        if (!await scope.CanManageAsync(champion.AgencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var person = await db.AllPractitioners().Where(p => p.Id == champion.PractitionerId)
            .Select(p => new { Name = p.FirstName + " " + p.LastName, p.UserId }).SingleAsync(cancellationToken);
        var agencyName = (await AgencyNameAsync(champion.AgencyId, cancellationToken))!;
        var today = Today;
        var hasAdvanced = await db.PractitionersWithAdvancedTraining(today).AnyAsync(id => id == champion.PractitionerId, cancellationToken);
        var userIds = champion.Spells.SelectMany(s => new[] { s.NominatedByUserId, s.DecidedByUserId }).OfType<Guid>().Distinct().ToList();
        var names = await db.Accounts().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, cancellationToken);
        string? NameOf(Guid? id) => id is { } key && names.TryGetValue(key, out var name) ? name : null;
        var spells = champion.Spells.OrderByDescending(s => s.NominatedAt).ThenByDescending(s => s.StartDate)
            .Select(s => new SpellView(s.Id, s.Status, s.StartDate, s.EndDate, s.Reason, s.NominatedAt, NameOf(s.NominatedByUserId), s.DecidedAt, NameOf(s.DecidedByUserId)))
            .ToList();
        return (Access.Allowed, new ChampionEntry(champion.Id, champion.AgencyId, agencyName, champion.PractitionerId, person.Name, champion.AreaOfInterest,
            person.UserId is not null, !hasAdvanced, spells));
    }

    /// <summary>The entry a spell belongs to, for the decision page: the training unit only.</summary>
    public async Task<(Access Access, ChampionEntry? Entry)> NominationAsync(Guid spellId, CancellationToken cancellationToken = default)
    {
        var championId = await db.Set<ChampionSpell>().Where(s => s.Id == spellId).Select(s => (Guid?)s.ChampionId).SingleOrDefaultAsync(cancellationToken);
        if (championId is null)
        {
            return (Access.NotFound, null);
        }
        if (!SeesAllAgencies)
        {
            return (Access.Forbidden, null);
        }
        return await EntryAsync(championId.Value, cancellationToken);
    }

    private Task<string?> NameOfAsync(Guid? userId, CancellationToken cancellationToken) =>
        db.Accounts().Where(u => u.Id == userId).Select(u => u.FirstName + " " + u.LastName).SingleOrDefaultAsync(cancellationToken);
}

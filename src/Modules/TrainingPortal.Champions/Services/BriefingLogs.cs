using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Champions.Services;

/// <summary>A briefing log as its page shows it.</summary>
public sealed record BriefingLogView(
    Guid Id, Guid AgencyId, string AgencyName, int GuideNumber, string GuideTitle, int GuideVersion, DateOnly DeliveredOn, string Team,
    string DeliveredBy, string? DiscussionNotes, string RecordedBy, DateTime RecordedAt, DateTime? UpdatedAt,
    IReadOnlyList<BriefingAttendeeView> Attendees, IReadOnlyList<BriefingActionView> Actions, bool CanCorrect, DateOnly CorrectableUntil);

public sealed record BriefingAttendeeView(Guid? PractitionerId, string Name, bool HasRecord);

public sealed record BriefingActionView(Guid Id, Guid BriefingLogId, string Description, string Owner, DateOnly DueOn, DateOnly? DoneOn)
{
    public bool IsOverdueOn(DateOnly day) => DoneOn is null && DueOn < day;
}

/// <summary>A line in the list of briefings.</summary>
public sealed record BriefingSummary(Guid Id, string AgencyName, string GuideTitle, DateOnly DeliveredOn, string Team, string DeliveredBy, int Attendees, int OpenActions);

/// <summary>An open action with the briefing it came from, for a lead's list.</summary>
public sealed record OpenAction(Guid Id, Guid BriefingLogId, string AgencyName, string GuideTitle, string Team, string Description, string Owner, DateOnly DueOn);

/// <summary>Someone on the agency's staff list who can be ticked as an attendee.</summary>
public sealed record StaffChoice(Guid PractitionerId, string Name, string? Team, string? JobTitle);

/// <summary>A published guide that can be briefed on.</summary>
public sealed record GuideChoice(int Number, string Title);

/// <summary>
/// Records team briefings on guides. Saving a log gives every attendee with a learning record one briefing training
/// record (shown in My learning, counted in reports); correcting it adjusts those records. For 14 days after it was
/// recorded, whoever may record briefings for the agency may correct a log; after that only the training unit.
/// </summary>
public sealed class BriefingLogs(
    PortalDbContext db, BriefingScope scope, TrainingRecords records, ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    /// <summary>How long after recording a log those who recorded it may still correct it.</summary>
    public const int CorrectionDays = 14;

    public const int MaxAttendees = 200;

    public const int MaxActions = 20;

    private DateOnly Today => UkTime.Today(clock);

    private bool IsTrainingUnit => currentUser.IsInRole(Roles.TrainingCoordinator) || currentUser.IsInRole(Roles.Administrator);

    /// <summary>Published guides that are not retired, by title.</summary>
    public async Task<IReadOnlyList<GuideChoice>> GuidesAsync(CancellationToken cancellationToken = default) =>
        await (from v in db.Set<GuideVersion>()
               where v.Status == GuideVersionStatus.Published
               join g in db.Set<SevenMinuteGuide>() on v.GuideId equals g.Id
               where !g.IsRetired
               orderby v.Title
               select new GuideChoice(g.Number, v.Title)).ToListAsync(cancellationToken);

    /// <summary>The agencies the user may record briefings for, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> AgenciesAsync(CancellationToken cancellationToken = default)
    {
        var ids = await scope.AgenciesAsync(cancellationToken);
        return (await db.AllAgencies().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name)).ToList();
    }

    /// <summary>
    /// Staff of the agency who can be ticked as attendees: current staff, optionally of one team or matching a name,
    /// at most <paramref name="take"/>, plus anyone in <paramref name="alsoInclude"/> (those already on the log).
    /// </summary>
    public async Task<(Access Access, IReadOnlyList<StaffChoice> Staff)> StaffChoicesAsync(
        Guid agencyId, Guid? teamId, string? search, IReadOnlyCollection<Guid> alsoInclude, int take = 100, CancellationToken cancellationToken = default)
    {
        if (!await AgencyExistsAsync(agencyId, cancellationToken))
        {
            return (Access.NotFound, []);
        }
        if (!await scope.CanLogForAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, []);
        }
        var term = search?.Trim();
        var current = db.CurrentMemberships(Today).Where(m => m.AgencyId == agencyId);
        if (teamId is { } team)
        {
            current = current.Where(m => m.TeamId == team);
        }
        if (!string.IsNullOrEmpty(term))
        {
            current = current.Where(m => (m.Practitioner!.FirstName + " " + m.Practitioner.LastName).ToLower().Contains(term.ToLower()));
        }
        var chosen = await Choices(current).Take(take).ToListAsync(cancellationToken);
        var missing = alsoInclude.Except(chosen.Select(c => c.PractitionerId)).ToList();
        if (missing.Count > 0)
        {
            chosen.AddRange(await Choices(db.KnownMemberships().Where(m => m.AgencyId == agencyId && missing.Contains(m.PractitionerId))).ToListAsync(cancellationToken));
        }
        return (Access.Allowed, chosen.DistinctBy(c => c.PractitionerId).OrderBy(c => c.Name).ToList());
    }

    private static IQueryable<StaffChoice> Choices(IQueryable<AgencyMembership> memberships) =>
        memberships.OrderBy(m => m.Practitioner!.LastName).ThenBy(m => m.Practitioner!.FirstName)
            .Select(m => new StaffChoice(m.PractitionerId, m.Practitioner!.FirstName + " " + m.Practitioner.LastName, m.Team!.Name, m.JobTitle));

    /// <summary>Records a briefing and gives each attendee with a record a briefing training record.</summary>
    public async Task<(Access Access, OperationResult<Guid> Result)> RecordAsync(BriefingInput input, CancellationToken cancellationToken = default)
    {
        if (input.AgencyId is { } agencyId && !await scope.CanLogForAsync(agencyId, cancellationToken))
        {
            return (await AgencyExistsAsync(agencyId, cancellationToken) ? Access.Forbidden : Access.NotFound, OperationResult<Guid>.Failed("", "You cannot record briefings for this agency."));
        }
        var (access, checkedInput) = await CheckAsync(input, existing: null, cancellationToken);
        if (access != Access.Allowed || !checkedInput.Result.Succeeded)
        {
            return (access, OperationResult<Guid>.Failed(checkedInput.Result.Errors));
        }
        var (_, guide, version, attendees, names, actions) = checkedInput;
        var now = clock.GetUtcNow().UtcDateTime;
        var log = new BriefingLog
        {
            Id = Guid.NewGuid(),
            GuideId = guide.Id,
            GuideVersionId = version.Id,
            AgencyId = input.AgencyId!.Value,
            Team = input.Team!.Trim(),
            DeliveredOn = input.DeliveredOn!.Value,
            DeliveredBy = input.DeliveredBy!.Trim(),
            DiscussionNotes = Clean(input.DiscussionNotes),
            RecordedByUserId = currentUser.UserId ?? Guid.Empty,
            RecordedAt = now,
        };
        var made = await records.AddCompletionsAsync(attendees.Keys, version.CourseVersionId!.Value, log.DeliveredOn, TrainingSource.Briefing, null, cancellationToken);
        log.Attendees.AddRange(attendees.Select(a => new BriefingAttendee { Id = Guid.NewGuid(), PractitionerId = a.Key, Name = a.Value, TrainingRecordId = made[a.Key].Id }));
        log.Attendees.AddRange(names.Select(n => new BriefingAttendee { Id = Guid.NewGuid(), Name = n }));
        log.Actions.AddRange(actions.Select(a => new BriefingAction { Id = Guid.NewGuid(), Description = a.Description!.Trim(), Owner = a.Owner!.Trim(), DueOn = a.DueOn!.Value }));
        db.Set<BriefingLog>().Add(log);
        audit.Record("Briefing recorded", "BriefingLog", log.Id,
            $"{version.Title} to {log.Team} on {log.DeliveredOn:d MMM yyyy}: {attendees.Count} with a record, {names.Count} without, {log.Actions.Count} actions");
        await db.SaveChangesAsync(cancellationToken);
        return (Access.Allowed, OperationResult<Guid>.Ok(log.Id));
    }

    /// <summary>
    /// Corrects a log: attendees taken off lose the briefing record it gave them, new ones get one, and a new date moves
    /// the records. Within <see cref="CorrectionDays"/> days of recording, for whoever may record for the agency; after, the training unit only.
    /// </summary>
    public async Task<(Access Access, OperationResult Result)> CorrectAsync(Guid logId, BriefingInput input, CancellationToken cancellationToken = default)
    {
        var log = await db.Set<BriefingLog>().Include(l => l.Attendees).Include(l => l.Actions).SingleOrDefaultAsync(l => l.Id == logId, cancellationToken);
        if (log is null)
        {
            return (Access.NotFound, OperationResult.Failed("", "That briefing log no longer exists."));
        }
        if (!await CanCorrectAsync(log, cancellationToken))
        {
            return (Access.Forbidden, OperationResult.Failed("", CorrectionClosedMessage));
        }
        input.AgencyId = log.AgencyId;
        var (access, checkedInput) = await CheckAsync(input, log, cancellationToken);
        if (access != Access.Allowed || !checkedInput.Result.Succeeded)
        {
            return (access, checkedInput.Result);
        }
        var (_, guide, version, attendees, names, actions) = checkedInput;
        const string why = "briefing log corrected";
        var courseVersionId = version.CourseVersionId!.Value;
        var deliveredOn = input.DeliveredOn!.Value;
        foreach (var gone in log.Attendees.Where(a => a.PractitionerId is { } id && !attendees.ContainsKey(id)).ToList())
        {
            if (gone.TrainingRecordId is { } recordId)
            {
                await records.RemoveCompletionAsync(recordId, why, cancellationToken);
            }
            log.Attendees.Remove(gone);
        }
        foreach (var stays in log.Attendees.Where(a => a.PractitionerId is not null && a.TrainingRecordId is not null))
        {
            await records.ReviseCompletionAsync(stays.TrainingRecordId!.Value, courseVersionId, deliveredOn, why, cancellationToken);
        }
        var added = attendees.Keys.Except(log.Attendees.Where(a => a.PractitionerId is not null).Select(a => a.PractitionerId!.Value)).ToList();
        var made = await records.AddCompletionsAsync(added, courseVersionId, deliveredOn, TrainingSource.Briefing, null, cancellationToken);
        foreach (var id in added)
        {
            Attend(log, new BriefingAttendee { Id = Guid.NewGuid(), BriefingLogId = log.Id, PractitionerId = id, Name = attendees[id], TrainingRecordId = made[id].Id });
        }
        foreach (var typed in log.Attendees.Where(a => a.PractitionerId is null).ToList())
        {
            log.Attendees.Remove(typed);
        }
        foreach (var name in names)
        {
            Attend(log, new BriefingAttendee { Id = Guid.NewGuid(), BriefingLogId = log.Id, Name = name });
        }
        var kept = actions.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToHashSet();
        foreach (var gone in log.Actions.Where(a => !kept.Contains(a.Id)).ToList())
        {
            log.Actions.Remove(gone);
        }
        foreach (var action in actions)
        {
            var existingAction = action.Id is { } id ? log.Actions.SingleOrDefault(a => a.Id == id) : null;
            if (existingAction is null)
            {
                existingAction = new BriefingAction { Id = Guid.NewGuid(), BriefingLogId = log.Id, Description = "", Owner = "" };
                // Added explicitly: found through the tracked log, a row with its key already set would be taken for an existing one.
                db.Set<BriefingAction>().Add(existingAction);
                log.Actions.Add(existingAction);
            }
            existingAction.Description = action.Description!.Trim();
            existingAction.Owner = action.Owner!.Trim();
            existingAction.DueOn = action.DueOn!.Value;
        }
        var changes = (log.GuideVersionId == version.Id ? "" : $"Guide: now {version.Title}; ") + AuditTrail.Describe(
            ("Date", log.DeliveredOn.ToString("d MMM yyyy"), deliveredOn.ToString("d MMM yyyy")),
            ("Team", log.Team, input.Team!.Trim()),
            ("Delivered by", log.DeliveredBy, input.DeliveredBy!.Trim()));
        log.GuideId = guide.Id;
        log.GuideVersionId = version.Id;
        log.DeliveredOn = deliveredOn;
        log.Team = input.Team!.Trim();
        log.DeliveredBy = input.DeliveredBy!.Trim();
        log.DiscussionNotes = Clean(input.DiscussionNotes);
        log.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("Briefing corrected", "BriefingLog", log.Id,
            $"{changes}; {attendees.Count} with a record ({added.Count} added), {names.Count} without, {log.Actions.Count} actions".TrimStart(';', ' '));
        await db.SaveChangesAsync(cancellationToken);
        return (Access.Allowed, OperationResult.Success);
    }

    /// <summary>Adds an attendee to a tracked log as a new row (one found through the log with its key set would be taken for an existing row).</summary>
    private void Attend(BriefingLog log, BriefingAttendee attendee)
    {
        db.Set<BriefingAttendee>().Add(attendee);
        log.Attendees.Add(attendee);
    }

    public const string CorrectionClosedMessage = "This briefing was recorded more than 14 days ago. Ask the training unit to correct it.";

    /// <summary>A log the user may see, with whether they may still correct it.</summary>
    public async Task<(Access Access, BriefingLogView? Log)> GetAsync(Guid logId, CancellationToken cancellationToken = default)
    {
        var log = await db.Set<BriefingLog>().AsNoTracking().Include(l => l.Attendees).Include(l => l.Actions).SingleOrDefaultAsync(l => l.Id == logId, cancellationToken);
        if (log is null)
        {
            return (Access.NotFound, null);
        }
        if (!await scope.CanLogForAsync(log.AgencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var header = await (from v in db.Set<GuideVersion>()
                            where v.Id == log.GuideVersionId
                            join g in db.Set<SevenMinuteGuide>() on v.GuideId equals g.Id
                            join a in db.AllAgencies() on log.AgencyId equals a.Id
                            select new { GuideNumber = g.Number, v.Title, VersionNumber = v.Number, Agency = a.Name }).SingleAsync(cancellationToken);
        var recordedBy = await db.Accounts().Where(u => u.Id == log.RecordedByUserId)
            .Select(u => u.FirstName + " " + u.LastName).SingleOrDefaultAsync(cancellationToken) ?? "the set-up";
        return (Access.Allowed, new BriefingLogView(
            log.Id, log.AgencyId, header.Agency, header.GuideNumber, header.Title, header.VersionNumber, log.DeliveredOn, log.Team, log.DeliveredBy, log.DiscussionNotes,
            recordedBy, log.RecordedAt, log.UpdatedAt,
            log.Attendees.OrderBy(a => a.Name).Select(a => new BriefingAttendeeView(a.PractitionerId, a.Name, a.TrainingRecordId is not null)).ToList(),
            log.Actions.OrderBy(a => a.DueOn).ThenBy(a => a.Description).Select(a => new BriefingActionView(a.Id, log.Id, a.Description, a.Owner, a.DueOn, a.DoneOn)).ToList(),
            await CanCorrectAsync(log, cancellationToken), CorrectableUntil(log)));
    }

    /// <summary>Briefings the user may see, newest first, optionally of one agency.</summary>
    public async Task<PagedList<BriefingSummary>> ListAsync(Guid? agencyId, int page, CancellationToken cancellationToken = default)
    {
        var allowed = await scope.AgenciesAsync(cancellationToken);
        var logs = db.Set<BriefingLog>().AsNoTracking().Where(l => allowed.Contains(l.AgencyId));
        if (agencyId is { } only)
        {
            logs = logs.Where(l => l.AgencyId == only);
        }
        return await (from l in logs
                      join a in db.AllAgencies() on l.AgencyId equals a.Id
                      join v in db.Set<GuideVersion>() on l.GuideVersionId equals v.Id
                      orderby l.DeliveredOn descending, l.RecordedAt descending
                      select new BriefingSummary(l.Id, a.Name, v.Title, l.DeliveredOn, l.Team, l.DeliveredBy, l.Attendees.Count, l.Actions.Count(x => x.DoneOn == null)))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
    }

    /// <summary>Actions not yet done in the agencies the user may see, soonest due first.</summary>
    public async Task<PagedList<OpenAction>> OpenActionsAsync(Guid? agencyId, int page, CancellationToken cancellationToken = default)
    {
        var allowed = await scope.AgenciesAsync(cancellationToken);
        var logs = db.Set<BriefingLog>().AsNoTracking().Where(l => allowed.Contains(l.AgencyId));
        if (agencyId is { } only)
        {
            logs = logs.Where(l => l.AgencyId == only);
        }
        return await (from x in db.Set<BriefingAction>().AsNoTracking()
                      where x.DoneOn == null
                      join l in logs on x.BriefingLogId equals l.Id
                      join a in db.AllAgencies() on l.AgencyId equals a.Id
                      join v in db.Set<GuideVersion>() on l.GuideVersionId equals v.Id
                      orderby x.DueOn, a.Name
                      select new OpenAction(x.Id, l.Id, a.Name, v.Title, l.Team, x.Description, x.Owner, x.DueOn))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
    }

    /// <summary>Marks an action done today (or not done again), for whoever may see the briefing.</summary>
    public async Task<Access> SetActionDoneAsync(Guid actionId, bool done, CancellationToken cancellationToken = default)
    {
        var action = await db.Set<BriefingAction>().SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return Access.NotFound;
        }
        var agencyId = await db.Set<BriefingLog>().Where(l => l.Id == action.BriefingLogId).Select(l => l.AgencyId).SingleAsync(cancellationToken);
        if (!await scope.CanLogForAsync(agencyId, cancellationToken))
        {
            return Access.Forbidden;
        }
        if ((action.DoneOn is not null) != done)
        {
            action.DoneOn = done ? Today : null;
            audit.Record(done ? "Briefing action done" : "Briefing action reopened", "BriefingLog", action.BriefingLogId, action.Description);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Access.Allowed;
    }

    private async Task<bool> CanCorrectAsync(BriefingLog log, CancellationToken cancellationToken) =>
        IsTrainingUnit || (Today <= CorrectableUntil(log) && await scope.CanLogForAsync(log.AgencyId, cancellationToken));

    private static DateOnly CorrectableUntil(BriefingLog log) => DateOnly.FromDateTime(UkTime.FromUtc(log.RecordedAt)).AddDays(CorrectionDays);

    private sealed record CheckedInput(
        OperationResult Result, SevenMinuteGuide Guide, GuideVersion Version, IReadOnlyDictionary<Guid, string> Attendees,
        IReadOnlyList<string> Names, IReadOnlyList<BriefingActionInput> Actions);

    /// <summary>
    /// Checks a log's input. Attendees must be on the agency's staff list (leavers included, for a briefing before they
    /// left): ticking anyone else is not a mistake a form makes, so it is refused outright.
    /// </summary>
    private async Task<(Access Access, CheckedInput Checked)> CheckAsync(BriefingInput input, BriefingLog? existing, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        SevenMinuteGuide? guide = null;
        GuideVersion? version = null;
        if (input.AgencyId is null)
        {
            errors.Add(new(nameof(input.AgencyId), "Select the agency whose team was briefed"));
        }
        if (input.GuideNumber is null)
        {
            errors.Add(new(nameof(input.GuideNumber), "Select the guide the briefing was on"));
        }
        else
        {
            guide = await db.Set<SevenMinuteGuide>().AsNoTracking().SingleOrDefaultAsync(g => g.Number == input.GuideNumber, cancellationToken);
            var keepsVersion = existing is not null && guide?.Id == existing.GuideId;
            version = guide is null ? null : keepsVersion
                ? await db.Set<GuideVersion>().AsNoTracking().SingleAsync(v => v.Id == existing!.GuideVersionId, cancellationToken)
                : await db.Set<GuideVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.GuideId == guide.Id && v.Status == GuideVersionStatus.Published, cancellationToken);
            if (guide is null || version?.CourseVersionId is null)
            {
                errors.Add(new(nameof(input.GuideNumber), "Select a published guide from the list"));
            }
            else if (guide.IsRetired && !keepsVersion)
            {
                errors.Add(new(nameof(input.GuideNumber), "That guide has been retired. Select a guide from the library"));
            }
        }
        if (input.DeliveredOn is not { } day)
        {
            errors.Add(new(nameof(input.DeliveredOn), "Enter the date of the briefing"));
        }
        else if (day > Today)
        {
            errors.Add(new(nameof(input.DeliveredOn), "The date of the briefing must be today or in the past"));
        }
        else if (day < Today.AddYears(-1))
        {
            errors.Add(new(nameof(input.DeliveredOn), "The date of the briefing must be within the last year"));
        }
        Require(input.Team, nameof(input.Team), "Enter the team that was briefed", "Team", 200, errors);
        Require(input.DeliveredBy, nameof(input.DeliveredBy), "Enter who delivered the briefing", "Who delivered the briefing", 200, errors);
        if (input.DiscussionNotes?.Trim().Length > 4000)
        {
            errors.Add(new(nameof(input.DiscussionNotes), "Discussion notes must be 4,000 characters or fewer"));
        }

        var ids = input.AttendeeIds.Distinct().ToList();
        var names = (input.OtherAttendees ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count + names.Count == 0)
        {
            errors.Add(new(nameof(input.AttendeeIds), "Select the people who attended, or type the names of those without a record"));
        }
        else if (ids.Count + names.Count > MaxAttendees)
        {
            errors.Add(new(nameof(input.AttendeeIds), $"A briefing log can list at most {MaxAttendees} people. Record a large briefing as more than one log"));
        }
        if (names.Any(n => n.Length > 200))
        {
            errors.Add(new(nameof(input.OtherAttendees), "Each name must be 200 characters or fewer"));
        }
        var attendees = new Dictionary<Guid, string>();
        if (input.AgencyId is { } agencyId && ids.Count > 0)
        {
            var known = await db.KnownMemberships().Where(m => m.AgencyId == agencyId && ids.Contains(m.PractitionerId))
                .Select(m => new { m.PractitionerId, Name = m.Practitioner!.FirstName + " " + m.Practitioner.LastName })
                .ToListAsync(cancellationToken);
            foreach (var person in known)
            {
                attendees[person.PractitionerId] = person.Name;
            }
            if (attendees.Count != ids.Count)
            {
                return (Access.Forbidden, new CheckedInput(OperationResult.Failed(nameof(input.AttendeeIds), "Some of the people selected are not on this agency's staff list."), null!, null!, attendees, names, []));
            }
        }

        var actions = input.Actions.Where(a => !a.IsBlank).ToList();
        if (actions.Count > MaxActions)
        {
            errors.Add(new("Actions", $"A briefing can have at most {MaxActions} actions"));
        }
        for (var i = 0; i < input.Actions.Count; i++)
        {
            var action = input.Actions[i];
            if (action.IsBlank)
            {
                continue;
            }
            var prefix = $"Actions[{i}].";
            Require(action.Description, prefix + nameof(action.Description), $"Enter what action {i + 1} is", $"Action {i + 1}", 1000, errors);
            Require(action.Owner, prefix + nameof(action.Owner), $"Enter who owns action {i + 1}", $"The owner of action {i + 1}", 200, errors);
            if (action.DueOn is null)
            {
                errors.Add(new(prefix + nameof(action.DueOn), $"Enter when action {i + 1} is due"));
            }
            else if (input.DeliveredOn is { } delivered && action.DueOn < delivered)
            {
                errors.Add(new(prefix + nameof(action.DueOn), $"Action {i + 1} must be due on or after the date of the briefing"));
            }
        }
        return (Access.Allowed, new CheckedInput(errors.Count == 0 ? OperationResult.Success : OperationResult.Failed(errors), guide!, version!, attendees, names, actions));
    }

    private static void Require(string? value, string field, string missing, string name, int max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, missing));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new(field, $"{name} must be {max:N0} characters or fewer"));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private Task<bool> AgencyExistsAsync(Guid agencyId, CancellationToken cancellationToken) =>
        db.AllAgencies().AnyAsync(a => a.Id == agencyId, cancellationToken);
}

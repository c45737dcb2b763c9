using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Agencies.Services;

internal enum RowAction
{
    /// <summary>The row has a problem.</summary>
    None,
    /// <summary>A new person and their membership.</summary>
    Add,
    /// <summary>A person already known by email (from another agency or registration) joins this agency.</summary>
    AddMembership,
    Update,
    /// <summary>An update that gives an existing member of staff a (new or different) leaving date.</summary>
    MarkLeaver,
    Unchanged,
}

/// <summary>What one row will do, with its values as a staff record's input.</summary>
internal sealed class RowPlan(StaffFileRow source)
{
    public StaffFileRow Source { get; } = source;

    public StaffInput Input { get; } = new();

    /// <summary>Normalised email, or null when the cell is blank.</summary>
    public string? Email { get; set; }

    public string? Reference { get; set; }

    public bool HasErrors { get; set; }

    /// <summary>A problem with the reference or email, so the row cannot be matched to anyone.</summary>
    public bool CannotBeMatched { get; set; }

    public RowAction Action { get; set; }

    public Practitioner? Person { get; set; }

    public AgencyMembership? Membership { get; set; }
}

internal sealed class ImportPlan
{
    public List<RowPlan> Rows { get; } = [];

    public List<StaffImportMessage> Messages { get; } = [];

    public List<Team> NewTeams { get; } = [];

    public bool HasErrors => Messages.Any(m => m.Kind == StaffImportMessageKind.Error);

    public int RowsWithErrors => Rows.Count(r => r.HasErrors);

    public int Count(RowAction action) => Rows.Count(r => r.Action == action);
}

/// <summary>
/// Works out what a staff file would do to one agency: checks every row, then matches rows to existing memberships
/// and people a chunk at a time (a few queries per <see cref="ChunkSize"/> rows), so a large file costs a few dozen
/// queries rather than one per row. With <c>track</c>, matched records are tracked so that the plan can be applied.
/// </summary>
internal sealed class ImportPlanner(PortalDbContext db, Guid agencyId, StaffFile file, bool track)
{
    /// <summary>Rows looked up in the database at once: a few queries per chunk, whatever the file's size.</summary>
    public const int ChunkSize = 500;

    private static readonly string[] DateFormats = ["d/M/yyyy", "yyyy-MM-dd", "yyyy-M-d"];

    private readonly ImportPlan plan = new();
    private readonly Dictionary<string, int> groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> teams = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> firstRowWithReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> firstRowWithEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> matchedMemberships = [];
    private string groupCodes = "";

    public async Task<ImportPlan> PlanAsync(Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        await LoadReferenceDataAsync(cancellationToken);
        foreach (var row in file.Rows)
        {
            if (Trimmed(row.EmployeeReference) is { } reference)
            {
                firstRowWithReference.TryAdd(reference, row.RowNumber);
            }
            if (StaffRecords.NormaliseEmail(row.Email) is { } email && StaffRecords.IsValidEmail(email))
            {
                firstRowWithEmail.TryAdd(email, row.RowNumber);
            }
        }
        var done = 0;
        foreach (var chunk in file.Rows.Chunk(ChunkSize))
        {
            var rows = chunk.Select(Check).ToList();
            await MatchAsync(rows, cancellationToken);
            plan.Rows.AddRange(rows);
            done += chunk.Length;
            if (progress is not null)
            {
                await progress(done);
            }
        }
        return plan;
    }

    private async Task LoadReferenceDataAsync(CancellationToken cancellationToken)
    {
        var workforceGroups = await db.Set<WorkforceGroup>().AsNoTracking().OrderBy(g => g.Order).ThenBy(g => g.Code)
            .Select(g => new { g.Id, g.Code, g.Name }).ToListAsync(cancellationToken);
        // Codes first: a name that happens to equal another group's code must not win.
        foreach (var group in workforceGroups)
        {
            groups.TryAdd(group.Code.Trim(), group.Id);
        }
        foreach (var group in workforceGroups)
        {
            groups.TryAdd(group.Name.Trim(), group.Id);
        }
        groupCodes = string.Join(", ", workforceGroups.Select(g => g.Code));
        var agencyTeams = await db.Set<Team>().AsNoTracking().Where(t => t.AgencyId == agencyId).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        foreach (var team in agencyTeams)
        {
            teams.TryAdd(team.Name.Trim(), team.Id);
        }
    }

    /// <summary>The checks that need nothing from the database beyond the groups and teams.</summary>
    private RowPlan Check(StaffFileRow source)
    {
        var row = new RowPlan(source);
        var input = row.Input;
        var errors = new List<(StaffColumn Column, string Message)>();
        input.FirstName = source.FirstName;
        input.LastName = source.LastName;
        input.EmployeeReference = source.EmployeeReference;
        input.JobTitle = source.JobTitle;
        input.ManagerName = source.ManagerName;
        input.ManagerEmail = source.ManagerEmail;
        row.Email = StaffRecords.NormaliseEmail(source.Email);
        row.Reference = Trimmed(source.EmployeeReference);

        var fieldErrors = new List<FieldError>();
        StaffRecords.CheckFields(input, row.Email, fieldErrors);
        errors.AddRange(fieldErrors.Select(e => (ColumnOf(e.Field), e.Message)));
        if (row.Reference is null && row.Email is null)
        {
            errors.Add((StaffColumn.EmployeeReference, "Enter an employee reference or an email address, so that this person can be matched next time"));
        }
        if (string.Equals(row.Reference, StaffImportTemplate.ExampleReference, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add((StaffColumn.EmployeeReference, "This is the template’s example row: delete it before uploading the file"));
        }
        else if (row.Reference is not null && firstRowWithReference[row.Reference] != source.RowNumber)
        {
            errors.Add((StaffColumn.EmployeeReference, $"Employee reference {Show(row.Reference)} is also on row {firstRowWithReference[row.Reference]}"));
        }
        if (row.Email is not null && firstRowWithEmail.TryGetValue(row.Email, out var firstWithEmail) && firstWithEmail != source.RowNumber)
        {
            errors.Add((StaffColumn.Email, $"Email {row.Email} is also on row {firstWithEmail}"));
        }
        row.CannotBeMatched = errors.Any(e => e.Column is StaffColumn.EmployeeReference or StaffColumn.Email);

        if (source.Team is { } teamName)
        {
            if (teamName.Length > 200)
            {
                errors.Add((StaffColumn.Team, "Team name must be 200 characters or fewer"));
            }
            else if (teams.TryGetValue(teamName, out var teamId))
            {
                input.TeamId = teamId;
            }
            else
            {
                var team = new Team { Id = Guid.NewGuid(), AgencyId = agencyId, Name = teamName };
                plan.NewTeams.Add(team);
                teams.Add(teamName, team.Id);
                input.TeamId = team.Id;
                Note(source.RowNumber, StaffColumn.Team, $"New team ‘{teamName}’ will be added to the agency");
            }
        }
        if (source.WorkforceGroup is null)
        {
            errors.Add((StaffColumn.WorkforceGroup, $"Enter the workforce group, like {FirstCode()}"));
        }
        else if (groups.TryGetValue(source.WorkforceGroup, out var groupId))
        {
            input.WorkforceGroupId = groupId;
        }
        else
        {
            errors.Add((StaffColumn.WorkforceGroup, $"Unknown workforce group ‘{Show(source.WorkforceGroup)}’: use one of {groupCodes}"));
        }
        if (ParseYesNo(source.Frontline) is { } frontline)
        {
            input.IsFrontline = frontline;
        }
        else
        {
            errors.Add((StaffColumn.Frontline, "Frontline must be yes or no"));
        }
        var startParsed = ParseDate(source.StartDate, out var start);
        var leavingParsed = ParseDate(source.LeavingDate, out var leaving);
        if (!startParsed)
        {
            errors.Add((StaffColumn.StartDate, $"Start date ‘{Show(source.StartDate)}’ must be a real date written like 31/01/2024 or 2024-01-31"));
        }
        if (!leavingParsed)
        {
            errors.Add((StaffColumn.LeavingDate, $"Leaving date ‘{Show(source.LeavingDate)}’ must be a real date written like 31/01/2024 or 2024-01-31"));
        }
        input.StartDate = start;
        input.LeavingDate = leaving;
        var dateErrors = new List<FieldError>();
        StaffRecords.CheckDates(input, dateErrors);
        errors.AddRange(dateErrors.Select(e => (ColumnOf(e.Field), e.Message)));

        foreach (var (column, message) in errors.OrderBy(e => e.Column))
        {
            plan.Messages.Add(Message(source.RowNumber, column, message, StaffImportMessageKind.Error));
        }
        row.HasErrors = errors.Count > 0;
        return row;
    }

    /// <summary>Finds each row's existing membership or person: by employee reference in this agency, then by email.</summary>
    private async Task MatchAsync(List<RowPlan> rows, CancellationToken cancellationToken)
    {
        var candidates = rows.Where(r => !r.CannotBeMatched).ToList();
        var references = candidates.Where(r => r.Reference is not null).Select(r => r.Reference!).Distinct().ToList();
        var emails = candidates.Where(r => r.Email is not null).Select(r => r.Email!).Distinct().ToList();
        var memberships = db.Set<AgencyMembership>().AsQueryable();
        var practitioners = db.Set<Practitioner>().AsQueryable();
        if (!track)
        {
            memberships = memberships.AsNoTracking();
            practitioners = practitioners.AsNoTracking();
        }
        var byReference = references.Count == 0 ? [] : await memberships.Include(m => m.Practitioner)
            .Where(m => m.AgencyId == agencyId && references.Contains(m.EmployeeReference!))
            .ToDictionaryAsync(m => m.EmployeeReference!, StringComparer.Ordinal, cancellationToken);
        var byEmail = emails.Count == 0 ? [] : await practitioners.Include(p => p.Memberships.Where(m => m.AgencyId == agencyId))
            .Where(p => emails.Contains(p.Email!))
            .ToDictionaryAsync(p => p.Email!, StringComparer.Ordinal, cancellationToken);
        foreach (var row in candidates)
        {
            Match(row, row.Reference is null ? null : byReference.GetValueOrDefault(row.Reference), row.Email is null ? null : byEmail.GetValueOrDefault(row.Email));
        }
    }

    private void Match(RowPlan row, AgencyMembership? byReference, Practitioner? byEmail)
    {
        var emailMembership = byEmail?.Memberships.FirstOrDefault(m => m.AgencyId == agencyId);
        if (byReference is not null && byEmail is not null && byEmail.Id != byReference.PractitionerId)
        {
            Error(row, StaffColumn.Email, emailMembership is null
                ? $"Another person's record already uses the email {row.Email}"
                : $"{row.Email} is the email of another member of your staff{(emailMembership.EmployeeReference is { } other ? $" (employee reference {other})" : "")}");
            return;
        }
        var membership = byReference ?? emailMembership;
        if (membership is not null)
        {
            if (matchedMemberships.TryGetValue(membership.Id, out var firstRow))
            {
                Error(row, byReference is not null ? StaffColumn.EmployeeReference : StaffColumn.Email, $"This is the same member of staff as row {firstRow}");
                return;
            }
            matchedMemberships.Add(membership.Id, row.Source.RowNumber);
            row.Membership = membership;
            row.Person = byReference?.Practitioner ?? byEmail;
            if (!row.HasErrors)
            {
                row.Action = Compare(row);
            }
            return;
        }
        if (row.HasErrors)
        {
            return;
        }
        row.Person = byEmail;
        row.Action = byEmail is null ? RowAction.Add : RowAction.AddMembership;
    }

    /// <summary>What updating the matched membership would change: nothing, a leaving date, or other fields.</summary>
    private RowAction Compare(RowPlan row)
    {
        var membership = row.Membership!;
        var person = row.Person!;
        var input = row.Input;
        // Blank identifiers keep what is there; absent manager columns leave the manager as it is.
        input.EmployeeReference = row.Reference ?? membership.EmployeeReference;
        if (!file.HasManagerName)
        {
            input.ManagerName = membership.ManagerName;
        }
        if (!file.HasManagerEmail)
        {
            input.ManagerEmail = membership.ManagerEmail;
        }
        var before = StaffRecords.Snapshot(membership);
        var after = StaffRecords.Snapshot(membership);
        StaffRecords.Apply(after, input);
        var membershipChanges = StaffRecords.Describe(before, after);
        var personChanges = AuditTrail.Describe(
            ("First name", person.FirstName, input.FirstName!.Trim()), ("Last name", person.LastName, input.LastName!.Trim()), ("Email", person.Email, row.Email ?? person.Email));
        if (membershipChanges is null && personChanges is null && membership.Status == MembershipStatus.Confirmed)
        {
            return RowAction.Unchanged;
        }
        return after.LeavingDate is not null && after.LeavingDate != before.LeavingDate ? RowAction.MarkLeaver : RowAction.Update;
    }

    private void Error(RowPlan row, StaffColumn column, string message)
    {
        row.HasErrors = true;
        row.Action = RowAction.None;
        plan.Messages.Add(Message(row.Source.RowNumber, column, message, StaffImportMessageKind.Error));
    }

    private void Note(int rowNumber, StaffColumn column, string message) =>
        plan.Messages.Add(Message(rowNumber, column, message, StaffImportMessageKind.Info));

    private static StaffImportMessage Message(int rowNumber, StaffColumn column, string message, StaffImportMessageKind kind) => new()
    {
        RowNumber = rowNumber, Column = StaffFileReader.HeaderOf(column), Kind = kind, Message = message.Length > 500 ? message[..499] + "…" : message,
    };

    /// <summary>A cell's text quoted in a message, cut short if it is long.</summary>
    private static string? Show(string? value) => value is { Length: > 40 } ? value[..39] + "…" : value;

    private string FirstCode() => groupCodes.Split(", ")[0] is { Length: > 0 } code ? code : "G2";

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static StaffColumn ColumnOf(string field) => field switch
    {
        nameof(StaffInput.FirstName) => StaffColumn.FirstName,
        nameof(StaffInput.LastName) => StaffColumn.LastName,
        nameof(StaffInput.Email) => StaffColumn.Email,
        nameof(StaffInput.EmployeeReference) => StaffColumn.EmployeeReference,
        nameof(StaffInput.JobTitle) => StaffColumn.JobTitle,
        nameof(StaffInput.ManagerName) => StaffColumn.ManagerName,
        nameof(StaffInput.ManagerEmail) => StaffColumn.ManagerEmail,
        nameof(StaffInput.StartDate) => StaffColumn.StartDate,
        nameof(StaffInput.LeavingDate) => StaffColumn.LeavingDate,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No column for this staff field"),
    };

    /// <summary>Yes/no in the ways spreadsheets write it; blank is no. Null when it is neither.</summary>
    internal static bool? ParseYesNo(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => false,
        "yes" or "y" or "true" or "1" => true,
        "no" or "n" or "false" or "0" => false,
        _ => null,
    };

    /// <summary>A date written dd/mm/yyyy or yyyy-mm-dd (Excel dates arrive as the latter). Blank is no date; false when it is not a real date.</summary>
    internal static bool ParseDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year >= 1900)
        {
            date = parsed;
            return true;
        }
        return false;
    }
}

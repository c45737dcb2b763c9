using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;
using TrainingPortal.Core.Results;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Agencies.Services;

/// <summary>Which of an agency's staff to list.</summary>
public enum StaffStatusFilter
{
    Current,
    Leavers,
    AwaitingConfirmation,
    All,
}

public sealed record StaffFilter(string? Search = null, Guid? TeamId = null, int? WorkforceGroupId = null, StaffStatusFilter Status = StaffStatusFilter.Current);

public sealed record StaffRow(Guid PractitionerId, string Name, string? Email, string? EmployeeReference, string? Team, string? JobTitle, string? WorkforceGroup, bool IsFrontline, MembershipStatus Status, DateOnly? LeavingDate);

/// <summary>What one agency knows about one person: their shared name and email, and this agency's membership only.</summary>
public sealed record StaffRecord(
    Guid PractitionerId, Guid MembershipId, string FirstName, string LastName, string? Email, bool HasAccount,
    string? EmployeeReference, Guid? TeamId, string? Team, string? JobTitle, int? WorkforceGroupId, string? WorkforceGroup,
    bool IsFrontline, string? ManagerName, string? ManagerEmail, DateOnly? StartDate, DateOnly? LeavingDate,
    MembershipStatus Status, int OtherAgencyCount);

/// <summary>The fields a lead or coordinator fills in for a staff member.</summary>
public sealed class StaffInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? EmployeeReference { get; set; }
    public Guid? TeamId { get; set; }
    public string? JobTitle { get; set; }
    public int? WorkforceGroupId { get; set; }
    public bool IsFrontline { get; set; }
    public string? ManagerName { get; set; }
    public string? ManagerEmail { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? LeavingDate { get; set; }
}

/// <summary>The outcome of a scoped look-up: found, not in the user's agencies (403) or not there (404).</summary>
public enum Access
{
    Allowed,
    Forbidden,
    NotFound,
}

/// <summary>
/// An agency's staff records. Every method takes the agency and checks <see cref="AgencyScope"/> first, so a lead
/// can neither read nor change another agency's memberships, whatever URL they type.
/// </summary>
public sealed class StaffRecords(PortalDbContext db, AgencyScope scope, AuditTrail audit, TimeProvider clock)
{
    private DateOnly Today => UkTime.Today(clock);

    public async Task<(Access Access, PagedList<StaffRow>? Staff)> ListAsync(Guid agencyId, StaffFilter filter, int page, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var today = Today;
        var all = db.Set<AgencyMembership>().AsNoTracking();
        var query = filter.Status switch
        {
            StaffStatusFilter.Current => db.CurrentMemberships(today),
            StaffStatusFilter.Leavers => all.Where(m => m.LeavingDate != null && m.LeavingDate <= today),
            StaffStatusFilter.AwaitingConfirmation => all.Where(m => m.Status == MembershipStatus.AwaitingConfirmation),
            _ => all,
        };
        query = query.Where(m => m.AgencyId == agencyId);
        if (filter.TeamId is { } teamId)
        {
            query = query.Where(m => m.TeamId == teamId);
        }
        if (filter.WorkforceGroupId is { } groupId)
        {
            query = query.Where(m => m.WorkforceGroupId == groupId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            query = query.Where(m =>
                (m.Practitioner!.FirstName + " " + m.Practitioner.LastName).ToLower().Contains(term)
                || (m.Practitioner.Email != null && m.Practitioner.Email.Contains(term))
                || (m.EmployeeReference != null && m.EmployeeReference.ToLower() == term));
        }
        var staff = await query
            .OrderBy(m => m.Practitioner!.LastName).ThenBy(m => m.Practitioner!.FirstName)
            .Select(m => new StaffRow(m.PractitionerId, m.Practitioner!.FirstName + " " + m.Practitioner.LastName, m.Practitioner.Email,
                m.EmployeeReference, m.Team!.Name, m.JobTitle, m.WorkforceGroup!.Name, m.IsFrontline, m.Status, m.LeavingDate))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
        return (Access.Allowed, staff);
    }

    public async Task<(Access Access, StaffRecord? Record)> GetAsync(Guid agencyId, Guid practitionerId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var record = await db.Set<AgencyMembership>().AsNoTracking()
            .Where(m => m.AgencyId == agencyId && m.PractitionerId == practitionerId)
            .Select(m => new StaffRecord(
                m.PractitionerId, m.Id, m.Practitioner!.FirstName, m.Practitioner.LastName, m.Practitioner.Email, m.Practitioner.UserId != null,
                m.EmployeeReference, m.TeamId, m.Team!.Name, m.JobTitle, m.WorkforceGroupId, m.WorkforceGroup!.Name,
                m.IsFrontline, m.ManagerName, m.ManagerEmail, m.StartDate, m.LeavingDate, m.Status,
                db.Set<AgencyMembership>().Count(o => o.PractitionerId == m.PractitionerId && o.AgencyId != agencyId && o.Status == MembershipStatus.Confirmed)))
            .SingleOrDefaultAsync(cancellationToken);
        return record is null ? (Access.NotFound, null) : (Access.Allowed, record);
    }

    /// <summary>
    /// Adds a staff member to the agency. If someone with that email already has a learning record (from another
    /// agency or from registering), this agency gains a membership of the same person.
    /// </summary>
    public async Task<OperationResult<Guid>> AddAsync(Guid agencyId, StaffInput input, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult<Guid>.Failed("", "You cannot add staff to that agency.");
        }
        var email = NormaliseEmail(input.Email);
        var errors = await ValidateAsync(agencyId, null, input, email, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<Guid>.Failed(errors);
        }
        var practitioner = email is null ? null : await db.Set<Practitioner>().Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (practitioner?.Memberships.Any(m => m.AgencyId == agencyId) == true)
        {
            return OperationResult<Guid>.Failed("Email", "This person is already on your agency's staff list");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (practitioner is null)
        {
            practitioner = new Practitioner { Id = Guid.NewGuid(), FirstName = input.FirstName!.Trim(), LastName = input.LastName!.Trim(), Email = email, CreatedAt = now };
            db.Set<Practitioner>().Add(practitioner);
            audit.Record("Practitioner created", "Practitioner", practitioner.Id, $"Name: {practitioner.FullName}");
        }
        var membership = new AgencyMembership { Id = Guid.NewGuid(), PractitionerId = practitioner.Id, AgencyId = agencyId, CreatedAt = now, Status = MembershipStatus.Confirmed };
        Apply(membership, input);
        db.Set<AgencyMembership>().Add(membership);
        audit.Record("Membership added", "Membership", membership.Id, Describe(null, membership));
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<Guid>.Ok(practitioner.Id);
    }

    public async Task<OperationResult> UpdateAsync(Guid agencyId, Guid practitionerId, StaffInput input, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult.Failed("", "You cannot change that agency's staff.");
        }
        var membership = await db.Set<AgencyMembership>().Include(m => m.Practitioner)
            .SingleOrDefaultAsync(m => m.AgencyId == agencyId && m.PractitionerId == practitionerId, cancellationToken);
        if (membership is null)
        {
            return OperationResult.Failed("", "That person is not on this agency's staff list.");
        }
        var email = NormaliseEmail(input.Email);
        var errors = await ValidateAsync(agencyId, membership, input, email, cancellationToken);
        if (email is not null && email != membership.Practitioner!.Email
            && await db.Set<Practitioner>().AnyAsync(p => p.Email == email && p.Id != practitionerId, cancellationToken))
        {
            errors.Add(new("Email", "Another person's record already uses this email address"));
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }
        var person = membership.Practitioner!;
        var personChanges = AuditTrail.Describe(("First name", person.FirstName, input.FirstName!.Trim()), ("Last name", person.LastName, input.LastName!.Trim()), ("Email", person.Email, email));
        var before = Snapshot(membership);
        person.FirstName = input.FirstName!.Trim();
        person.LastName = input.LastName!.Trim();
        person.Email = email;
        Apply(membership, input);
        if (personChanges is not null)
        {
            audit.Record("Practitioner changed", "Practitioner", person.Id, personChanges);
        }
        var membershipChanges = Describe(before, membership);
        if (membershipChanges is not null)
        {
            audit.Record("Membership changed", "Membership", membership.Id, membershipChanges);
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>The lead confirms (or declines) that a self-registered person works for the agency.</summary>
    public async Task<OperationResult> DecideAsync(Guid agencyId, Guid practitionerId, bool confirm, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return OperationResult.Failed("", "You cannot change that agency's staff.");
        }
        var membership = await db.Set<AgencyMembership>()
            .SingleOrDefaultAsync(m => m.AgencyId == agencyId && m.PractitionerId == practitionerId && m.Status == MembershipStatus.AwaitingConfirmation, cancellationToken);
        if (membership is null)
        {
            return OperationResult.Failed("", "There is nothing to confirm for this person.");
        }
        membership.Status = confirm ? MembershipStatus.Confirmed : MembershipStatus.Declined;
        audit.Record(confirm ? "Membership confirmed" : "Membership declined", "Membership", membership.Id);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Audit entries about this agency's membership of the person (not other agencies').</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(Guid agencyId, Guid practitionerId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return [];
        }
        var membershipId = await db.Set<AgencyMembership>().Where(m => m.AgencyId == agencyId && m.PractitionerId == practitionerId).Select(m => m.Id).SingleOrDefaultAsync(cancellationToken);
        var ids = new[] { membershipId.ToString(), practitionerId.ToString() };
        return await db.AuditEntries.AsNoTracking()
            .Where(e => (e.SubjectType == "Membership" || e.SubjectType == "Practitioner") && ids.Contains(e.SubjectId))
            .OrderByDescending(e => e.OccurredAt).Take(50)
            .ToListAsync(cancellationToken);
    }

    internal static string? NormaliseEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    internal static bool IsValidEmail(string email) =>
        email.Length <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    private async Task<List<FieldError>> ValidateAsync(Guid agencyId, AgencyMembership? existing, StaffInput input, string? email, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        CheckFields(input, email, errors);
        var reference = input.EmployeeReference?.Trim();
        if (reference is { Length: > 0 and <= MaxReferenceLength }
            && await db.Set<AgencyMembership>().AnyAsync(m => m.AgencyId == agencyId && m.EmployeeReference == reference && m.Id != (existing == null ? Guid.Empty : existing.Id), cancellationToken))
        {
            errors.Add(new("EmployeeReference", $"Another member of staff already has employee reference {reference}"));
        }
        if (input.TeamId is { } teamId && !await db.Set<Team>().AnyAsync(t => t.Id == teamId && t.AgencyId == agencyId, cancellationToken))
        {
            errors.Add(new("TeamId", "Select one of this agency's teams"));
        }
        if (input.WorkforceGroupId is null)
        {
            errors.Add(new("WorkforceGroupId", "Select the workforce group"));
        }
        else if (!await db.Set<WorkforceGroup>().AnyAsync(g => g.Id == input.WorkforceGroupId, cancellationToken))
        {
            errors.Add(new("WorkforceGroupId", "Select one of the workforce groups"));
        }
        CheckDates(input, errors);
        return errors;
    }

    internal const int MaxReferenceLength = 50;

    /// <summary>The rules for a staff record that need no database: names, email formats and lengths. Shared with the staff import.</summary>
    internal static void CheckFields(StaffInput input, string? email, List<FieldError> errors)
    {
        Require(input.FirstName, "FirstName", "Enter the first name", 100, errors);
        Require(input.LastName, "LastName", "Enter the last name", 100, errors);
        if (email is not null && !IsValidEmail(email))
        {
            errors.Add(new("Email", "Enter an email address in the correct format, like name@example.org"));
        }
        var managerEmail = NormaliseEmail(input.ManagerEmail);
        if (managerEmail is not null && !IsValidEmail(managerEmail))
        {
            errors.Add(new("ManagerEmail", "Enter the manager's email address in the correct format, like name@example.org"));
        }
        if (input.ManagerName?.Trim() is { Length: > 200 })
        {
            errors.Add(new("ManagerName", "Manager's name must be 200 characters or fewer"));
        }
        if (input.JobTitle?.Trim() is { Length: > 200 })
        {
            errors.Add(new("JobTitle", "Job title must be 200 characters or fewer"));
        }
        if (input.EmployeeReference?.Trim() is { Length: > MaxReferenceLength })
        {
            errors.Add(new("EmployeeReference", $"Employee reference must be {MaxReferenceLength} characters or fewer"));
        }
    }

    internal static void CheckDates(StaffInput input, List<FieldError> errors)
    {
        if (input.StartDate is { } start && input.LeavingDate is { } leaving && leaving < start)
        {
            errors.Add(new("LeavingDate", "Leaving date must be the same as or after the start date"));
        }
    }

    private static void Require(string? value, string field, string message, int maxLength, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(new(field, $"Must be {maxLength} characters or fewer"));
        }
    }

    internal static void Apply(AgencyMembership membership, StaffInput input)
    {
        membership.EmployeeReference = string.IsNullOrWhiteSpace(input.EmployeeReference) ? null : input.EmployeeReference.Trim();
        membership.TeamId = input.TeamId;
        membership.JobTitle = string.IsNullOrWhiteSpace(input.JobTitle) ? null : input.JobTitle.Trim();
        membership.WorkforceGroupId = input.WorkforceGroupId;
        membership.IsFrontline = input.IsFrontline;
        membership.ManagerName = string.IsNullOrWhiteSpace(input.ManagerName) ? null : input.ManagerName.Trim();
        membership.ManagerEmail = NormaliseEmail(input.ManagerEmail);
        membership.StartDate = input.StartDate;
        membership.LeavingDate = input.LeavingDate;
    }

    internal static AgencyMembership Snapshot(AgencyMembership m) => new()
    {
        EmployeeReference = m.EmployeeReference, TeamId = m.TeamId, JobTitle = m.JobTitle, WorkforceGroupId = m.WorkforceGroupId,
        IsFrontline = m.IsFrontline, ManagerName = m.ManagerName, ManagerEmail = m.ManagerEmail, StartDate = m.StartDate, LeavingDate = m.LeavingDate,
    };

    internal static string? Describe(AgencyMembership? before, AgencyMembership after) => AuditTrail.Describe(
        ("Employee reference", before?.EmployeeReference, after.EmployeeReference),
        ("Team", before?.TeamId, after.TeamId),
        ("Job title", before?.JobTitle, after.JobTitle),
        ("Workforce group", before?.WorkforceGroupId, after.WorkforceGroupId),
        ("Frontline", before?.IsFrontline, after.IsFrontline),
        ("Manager", before?.ManagerName, after.ManagerName),
        ("Manager email", before?.ManagerEmail, after.ManagerEmail),
        ("Start date", before?.StartDate, after.StartDate),
        ("Leaving date", before?.LeavingDate, after.LeavingDate));
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core.Paging;
using TrainingPortal.Data;

namespace TrainingPortal.Compliance.Services;

/// <summary>Which of an agency's current staff to list on the dashboard and in its export.</summary>
public sealed record ComplianceFilter(
    string? Search = null, Guid? TeamId = null, int? WorkforceGroupId = null, Guid? RequirementId = null, ComplianceStatus? Status = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && TeamId is null && WorkforceGroupId is null && RequirementId is null && Status is null;
}

/// <summary>One person's line in the dashboard list: who they are in this agency and their status per requirement.</summary>
public sealed record PractitionerCompliance(
    Guid PractitionerId, string Name, string? Email, string? EmployeeReference, string? Team, string? JobTitle, string? WorkforceGroup,
    IReadOnlyDictionary<Guid, ComplianceStatus> Statuses)
{
    /// <summary>Their status against a requirement; null when their workforce group does not need it.</summary>
    public ComplianceStatus? StatusOf(Guid requirementId) => Statuses.TryGetValue(requirementId, out var status) ? status : null;
}

/// <summary>A team's line on the dashboard: its people and their statuses across every requirement.</summary>
public sealed record TeamCompliance(Guid? TeamId, string Name, int People, int PeopleCompliant, StatusCounts Counts)
{
    public int PercentPeopleCompliant => People == 0 ? 0 : PeopleCompliant * 100 / People;
}

/// <summary>Everything at the top of a safeguarding lead's dashboard, counted in the database.</summary>
public sealed record AgencyDashboard(
    Guid AgencyId, string AgencyName, DateOnly Today, int DueSoonDays,
    int CurrentStaff, int StaffWithRequirements, int StaffCompliant, int StaffWithoutGroup,
    IReadOnlyList<(RequirementSummary Requirement, StatusCounts Counts)> ByRequirement,
    IReadOnlyList<TeamCompliance> ByTeam)
{
    /// <summary>Percentage of staff with requirements who meet all of them (rounded down).</summary>
    public int PercentCompliant => StaffWithRequirements == 0 ? 0 : StaffCompliant * 100 / StaffWithRequirements;
}

/// <summary>The partnership's agencies × requirements counts, with no names in it.</summary>
public sealed record PartnershipHeatmap(
    DateOnly Today, IReadOnlyList<RequirementSummary> Requirements, IReadOnlyList<AgencyRow> Agencies, IReadOnlyDictionary<Guid, StatusCounts> Totals)
{
    public StatusCounts Overall => Totals.Values.Aggregate(StatusCounts.None, (sum, c) => sum.Add(c));
}

public sealed record AgencyRow(Guid AgencyId, string Name, string Sector, IReadOnlyDictionary<Guid, StatusCounts> Cells)
{
    public StatusCounts CountsFor(Guid requirementId) => Cells.TryGetValue(requirementId, out var counts) ? counts : StatusCounts.None;

    public StatusCounts Overall => Cells.Values.Aggregate(StatusCounts.None, (sum, c) => sum.Add(c));
}

/// <summary>A Monday-to-Sunday week, in UK dates.</summary>
public sealed record ComplianceWeek(DateOnly Start)
{
    public DateOnly End => Start.AddDays(6);

    /// <summary>The Monday-to-Sunday week that ended most recently before <paramref name="today"/>.</summary>
    public static ComplianceWeek LastCompleteBefore(DateOnly today) =>
        new(today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7));
}

/// <summary>The first few of a list, and how many there are in all.</summary>
public sealed record ShortList<T>(IReadOnlyList<T> Items, int Total)
{
    public int More => Total - Items.Count;
}

/// <summary>A person whose status against a requirement changed.</summary>
public sealed record PersonChange(string Name, string Requirement);

/// <summary>How many completions of one course were recorded.</summary>
public sealed record CourseCompletions(string Course, int Count);

/// <summary>
/// What changed in one agency over one week, for its safeguarding lead: the share of staff with requirements who met
/// them all at the end of the week before and at the end of this one, who joined and left, the training completed,
/// and whose training expired or fell due for renewal during the week.
/// </summary>
public sealed record AgencyWeek(
    Guid AgencyId, string AgencyName, ComplianceWeek Week,
    int PercentCompliantBefore, int PercentCompliantNow, int StaffWithRequirementsNow,
    ShortList<string> Joined, ShortList<string> Left, IReadOnlyList<CourseCompletions> Completions,
    ShortList<PersonChange> BecameExpired, ShortList<PersonChange> BecameDueSoon)
{
    public int CompletionCount => Completions.Sum(c => c.Count);
}

/// <summary>
/// What safeguarding leads and the partnership see of compliance, counted in the database from
/// <see cref="ComplianceCalculator"/>'s assessment: an agency's dashboard, its staff list and export rows, one member of
/// staff in detail, the partnership heatmap and each agency's week for the lead's summary. Every agency-level method
/// checks <see cref="AgencyScope"/> first.
/// </summary>
public sealed class ComplianceDashboard(PortalDbContext db, AgencyScope scope, ComplianceCalculator calculator)
{
    /// <summary>The headline, per-requirement and per-team figures for one agency today.</summary>
    public async Task<(Access Access, AgencyDashboard? Dashboard)> ForAgencyAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var agencyName = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        if (agencyName is null)
        {
            return (Access.NotFound, null);
        }
        var today = calculator.Today;
        var days = await calculator.DueSoonDaysAsync(cancellationToken);
        var requirements = await calculator.RequirementsAsync(cancellationToken);
        var members = db.MembershipsInPost(today).Where(m => m.AgencyId == agencyId);
        var assessments = calculator.Assess(members, today, days);

        var counts = await assessments
            .GroupBy(a => new { a.TeamId, a.RequirementId, a.Status })
            .Select(g => new { g.Key.TeamId, g.Key.RequirementId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var people = await assessments
            .GroupBy(a => new { a.MembershipId, a.TeamId })
            .Select(g => new { g.Key.TeamId, Worst = g.Max(a => a.Status) })
            .GroupBy(p => new { p.TeamId, Compliant = p.Worst <= ComplianceStatus.DueSoon })
            .Select(g => new { g.Key.TeamId, g.Key.Compliant, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var staff = await members
            .GroupBy(m => new { m.TeamId, HasGroup = m.WorkforceGroupId != null })
            .Select(g => new { g.Key.TeamId, g.Key.HasGroup, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var teamNames = await db.Set<Team>().AsNoTracking().Where(t => t.AgencyId == agencyId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        var byRequirement = requirements
            .Select(r => (r, counts.Where(c => c.RequirementId == r.Id).Aggregate(StatusCounts.None, (sum, c) => sum.Add(c.Status, c.Count))))
            .ToList();
        var teamIds = staff.Select(s => s.TeamId).Distinct();
        var byTeam = teamIds
            .Select(teamId => new TeamCompliance(
                teamId,
                teamId is { } id && teamNames.TryGetValue(id, out var name) ? name : "No team",
                people.Where(p => p.TeamId == teamId).Sum(p => p.Count),
                people.Where(p => p.TeamId == teamId && p.Compliant).Sum(p => p.Count),
                counts.Where(c => c.TeamId == teamId).Aggregate(StatusCounts.None, (sum, c) => sum.Add(c.Status, c.Count))))
            .OrderBy(t => t.TeamId is null).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return (Access.Allowed, new AgencyDashboard(
            agencyId, agencyName, today, days,
            CurrentStaff: staff.Sum(s => s.Count),
            StaffWithRequirements: people.Sum(p => p.Count),
            StaffCompliant: people.Where(p => p.Compliant).Sum(p => p.Count),
            StaffWithoutGroup: staff.Where(s => !s.HasGroup).Sum(s => s.Count),
            byRequirement, byTeam));
    }

    /// <summary>One page of an agency's current staff matching the filter, each with their status per requirement.</summary>
    public async Task<(Access Access, PagedList<PractitionerCompliance>? People)> ListAsync(
        Guid agencyId, ComplianceFilter filter, int page, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var today = calculator.Today;
        var days = await calculator.DueSoonDaysAsync(cancellationToken);
        var rows = await Filtered(agencyId, filter, today, days).ToPagedListAsync(page, cancellationToken: cancellationToken);
        var statuses = await StatusesAsync(agencyId, rows.Items.Select(r => r.MembershipId).ToList(), today, days, cancellationToken);
        return (Access.Allowed, new PagedList<PractitionerCompliance>(
            rows.Items.Select(r => r.ToCompliance(statuses)).ToList(), rows.Page, rows.PageSize, rows.TotalCount));
    }

    /// <summary>Every current member of staff matching the filter, a batch at a time, for exports.</summary>
    public async IAsyncEnumerable<PractitionerCompliance> AllAsync(
        Guid agencyId, ComplianceFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            yield break;
        }
        const int batch = 1_000;
        var today = calculator.Today;
        var days = await calculator.DueSoonDaysAsync(cancellationToken);
        var query = Filtered(agencyId, filter, today, days);
        for (var skip = 0; ; skip += batch)
        {
            var rows = await query.Skip(skip).Take(batch).ToListAsync(cancellationToken);
            var statuses = await StatusesAsync(agencyId, rows.Select(r => r.MembershipId).ToList(), today, days, cancellationToken);
            foreach (var row in rows)
            {
                yield return row.ToCompliance(statuses);
            }
            if (rows.Count < batch)
            {
                yield break;
            }
        }
    }

    /// <summary>One member of an agency's staff in detail (the lead's drill-down); leavers too, marked as such by the caller.</summary>
    public async Task<(Access Access, MembershipNeeds? Needs)> ForMemberAsync(Guid agencyId, Guid practitionerId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var needs = await calculator.NeedsAsync(practitionerId, agencyId, cancellationToken);
        return needs.Count == 0 ? (Access.NotFound, null) : (Access.Allowed, needs[0]);
    }

    /// <summary>Counts per agency and requirement across the partnership today. Figures only: safe for board members.</summary>
    public async Task<PartnershipHeatmap> PartnershipAsync(CancellationToken cancellationToken = default)
    {
        var today = calculator.Today;
        var days = await calculator.DueSoonDaysAsync(cancellationToken);
        var requirements = await calculator.RequirementsAsync(cancellationToken);
        var counts = await calculator.CountsAsync(db.MembershipsInPost(today), today, days, cancellationToken);
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, Sector = a.Sector!.Name }).ToListAsync(cancellationToken);
        var rows = agencies.Select(a => new AgencyRow(a.Id, a.Name, a.Sector,
            counts.Where(c => c.AgencyId == a.Id).ToDictionary(c => c.RequirementId, c => c.Counts))).ToList();
        var totals = requirements.ToDictionary(r => r.Id, r => counts.Where(c => c.RequirementId == r.Id).Aggregate(StatusCounts.None, (sum, c) => sum.Add(c.Counts)));
        return new PartnershipHeatmap(today, requirements, rows, totals);
    }

    /// <summary>What changed in one agency over a week, for its safeguarding lead (<see cref="AgencyWeek"/>).</summary>
    public async Task<(Access Access, AgencyWeek? Week)> WeekForAgencyAsync(Guid agencyId, ComplianceWeek week, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var summary = await WeekAsync(agencyId, week, cancellationToken);
        return summary is null ? (Access.NotFound, null) : (Access.Allowed, summary);
    }

    /// <summary>
    /// <see cref="WeekForAgencyAsync"/> without the scope check, for the weekly summary job, which sends each lead only
    /// the agencies they lead. Null when the agency does not exist.
    /// </summary>
    internal async Task<AgencyWeek?> WeekAsync(Guid agencyId, ComplianceWeek week, CancellationToken cancellationToken = default)
    {
        const int names = 20;
        var agencyName = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        if (agencyName is null)
        {
            return null;
        }
        var days = await calculator.DueSoonDaysAsync(cancellationToken);
        var before = week.Start.AddDays(-1);
        var end = week.End;
        var then = db.MembershipsAsAt(before).Where(m => m.AgencyId == agencyId);
        var now = db.MembershipsAsAt(end).Where(m => m.AgencyId == agencyId);
        var (percentBefore, _) = await calculator.PercentCompliantAsync(then, before, days, cancellationToken);
        var (percentNow, withRequirements) = await calculator.PercentCompliantAsync(now, end, days, cancellationToken);

        var joined = await PeopleAsync(now.Where(m => !then.Any(t => t.Id == m.Id)), names, cancellationToken);
        var left = await PeopleAsync(then.Where(m => !now.Any(t => t.Id == m.Id)), names, cancellationToken);

        var completed = await db.Set<TrainingRecord>().AsNoTracking()
            .Where(t => t.Status == RecordStatus.Approved && t.CompletedOn >= week.Start && t.CompletedOn <= end && now.Any(m => m.PractitionerId == t.PractitionerId))
            .GroupBy(t => t.CourseId)
            .Select(g => new { CourseId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var courseIds = completed.Select(c => c.CourseId).ToList();
        var titles = await db.CurrentCourseVersions().Where(v => courseIds.Contains(v.CourseId)).ToDictionaryAsync(v => v.CourseId, v => v.Title, cancellationToken);
        var completions = completed
            .Select(c => new CourseCompletions(titles.GetValueOrDefault(c.CourseId, "A course no longer listed"), c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Course, StringComparer.OrdinalIgnoreCase)
            .ToList();

        // A record's status changes on fixed dates: it expires on its expiry and falls due the due-soon window before.
        var expiries = calculator.LatestExpiries(now, end);
        var becameExpired = await ChangesAsync(expiries.Where(e => e.LatestExpiry > before && e.LatestExpiry <= end), names, cancellationToken);
        var dueFrom = before.AddDays(days);
        var dueUntil = end.AddDays(days);
        var becameDueSoon = await ChangesAsync(expiries.Where(e => e.LatestExpiry > end && e.LatestExpiry > dueFrom && e.LatestExpiry <= dueUntil), names, cancellationToken);

        return new AgencyWeek(agencyId, agencyName, week, percentBefore, percentNow, withRequirements,
            joined, left, completions, becameExpired, becameDueSoon);
    }

    private static async Task<ShortList<string>> PeopleAsync(IQueryable<AgencyMembership> memberships, int take, CancellationToken cancellationToken)
    {
        var total = await memberships.CountAsync(cancellationToken);
        var names = total == 0 ? [] : await memberships
            .OrderBy(m => m.Practitioner!.LastName).ThenBy(m => m.Practitioner!.FirstName)
            .Select(m => m.Practitioner!.FirstName + " " + m.Practitioner.LastName)
            .Take(take).ToListAsync(cancellationToken);
        return new ShortList<string>(names, total);
    }

    private async Task<ShortList<PersonChange>> ChangesAsync(IQueryable<RequirementExpiry> expiries, int take, CancellationToken cancellationToken)
    {
        var total = await expiries.CountAsync(cancellationToken);
        if (total == 0)
        {
            return new ShortList<PersonChange>([], 0);
        }
        var changes = await (from e in expiries
                             join p in db.Set<Practitioner>() on e.PractitionerId equals p.Id
                             join r in db.Set<Requirement>() on e.RequirementId equals r.Id
                             orderby p.LastName, p.FirstName, r.Order
                             select new PersonChange(p.FirstName + " " + p.LastName, r.Name))
            .Take(take).ToListAsync(cancellationToken);
        return new ShortList<PersonChange>(changes, total);
    }

    private IQueryable<StaffLine> Filtered(Guid agencyId, ComplianceFilter filter, DateOnly today, int days)
    {
        var members = db.MembershipsInPost(today).Where(m => m.AgencyId == agencyId);
        if (filter.TeamId is { } teamId)
        {
            members = members.Where(m => m.TeamId == teamId);
        }
        if (filter.WorkforceGroupId is { } groupId)
        {
            members = members.Where(m => m.WorkforceGroupId == groupId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLower();
            members = members.Where(m =>
                (m.Practitioner!.FirstName + " " + m.Practitioner.LastName).ToLower().Contains(term)
                || (m.Practitioner.Email != null && m.Practitioner.Email.Contains(term))
                || (m.EmployeeReference != null && m.EmployeeReference.ToLower() == term));
        }
        if (filter.Status is { } status)
        {
            var matching = calculator.Assess(members, today, days).Where(a => a.Status == status);
            if (filter.RequirementId is { } requirementId)
            {
                matching = matching.Where(a => a.RequirementId == requirementId);
            }
            var ids = matching.Select(a => a.MembershipId);
            members = members.Where(m => ids.Contains(m.Id));
        }
        else if (filter.RequirementId is { } requirementId)
        {
            members = members.Where(m => db.Set<RequirementGroup>().Any(rg => rg.RequirementId == requirementId && rg.WorkforceGroupId == m.WorkforceGroupId));
        }
        return members
            .OrderBy(m => m.Practitioner!.LastName).ThenBy(m => m.Practitioner!.FirstName).ThenBy(m => m.Id)
            .Select(m => new StaffLine
            {
                MembershipId = m.Id, PractitionerId = m.PractitionerId,
                Name = m.Practitioner!.FirstName + " " + m.Practitioner.LastName, Email = m.Practitioner.Email,
                EmployeeReference = m.EmployeeReference, Team = m.Team!.Name, JobTitle = m.JobTitle, WorkforceGroup = m.WorkforceGroup!.Name,
            });
    }

    private async Task<ILookup<Guid, Assessment>> StatusesAsync(Guid agencyId, IReadOnlyList<Guid> membershipIds, DateOnly today, int days, CancellationToken cancellationToken)
    {
        if (membershipIds.Count == 0)
        {
            return Array.Empty<Assessment>().ToLookup(a => a.MembershipId);
        }
        var members = db.Set<AgencyMembership>().AsNoTracking().Where(m => m.AgencyId == agencyId && membershipIds.Contains(m.Id));
        return (await calculator.Assess(members, today, days).ToListAsync(cancellationToken)).ToLookup(a => a.MembershipId);
    }

    private sealed record StaffLine
    {
        public Guid MembershipId { get; init; }
        public Guid PractitionerId { get; init; }
        public required string Name { get; init; }
        public string? Email { get; init; }
        public string? EmployeeReference { get; init; }
        public string? Team { get; init; }
        public string? JobTitle { get; init; }
        public string? WorkforceGroup { get; init; }

        public PractitionerCompliance ToCompliance(ILookup<Guid, Assessment> statuses) =>
            new(PractitionerId, Name, Email, EmployeeReference, Team, JobTitle, WorkforceGroup,
                statuses[MembershipId].ToDictionary(a => a.RequirementId, a => a.Status));
    }
}

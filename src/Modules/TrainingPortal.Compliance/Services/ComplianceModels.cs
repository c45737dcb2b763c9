using TrainingPortal.Compliance.Domain;

namespace TrainingPortal.Compliance.Services;

/// <summary>A requirement as dashboards show it: its name, who must have it and which courses meet it (main course first).</summary>
public sealed record RequirementSummary(Guid Id, string Name, int Order, IReadOnlyList<int> WorkforceGroupIds, IReadOnlyList<RequirementCourseSummary> Courses)
{
    public RequirementCourseSummary? MainCourse => Courses.Count > 0 ? Courses[0] : null;

    public bool AppliesTo(int? workforceGroupId) => workforceGroupId is { } id && WorkforceGroupIds.Contains(id);
}

public sealed record RequirementCourseSummary(Guid CourseId, string Code, string Title, bool IsELearning);

/// <summary>
/// One person (through one agency membership) against one requirement of their workforce group, on a given day.
/// Built by the database; init properties so queries can still filter and group on it.
/// </summary>
public sealed record Assessment
{
    public Guid MembershipId { get; init; }

    public Guid AgencyId { get; init; }

    public Guid PractitionerId { get; init; }

    public Guid? TeamId { get; init; }

    public Guid RequirementId { get; init; }

    public ComplianceStatus Status { get; init; }
}

/// <summary>How many assessments are in each status.</summary>
public sealed record StatusCounts(int Met, int DueSoon, int Expired, int Missing)
{
    public static readonly StatusCounts None = new(0, 0, 0, 0);

    public int Total => Met + DueSoon + Expired + Missing;

    public int Compliant => Met + DueSoon;

    /// <summary>Whole-number percentage compliant, rounded down so 99.6% never shows as 100%.</summary>
    public int PercentCompliant => Total == 0 ? 0 : Compliant * 100 / Total;

    public int Of(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => Met,
        ComplianceStatus.DueSoon => DueSoon,
        ComplianceStatus.Expired => Expired,
        _ => Missing,
    };

    public StatusCounts Add(StatusCounts other) => new(Met + other.Met, DueSoon + other.DueSoon, Expired + other.Expired, Missing + other.Missing);

    public StatusCounts Add(ComplianceStatus status, int count) => status switch
    {
        ComplianceStatus.Met => this with { Met = Met + count },
        ComplianceStatus.DueSoon => this with { DueSoon = DueSoon + count },
        ComplianceStatus.Expired => this with { Expired = Expired + count },
        _ => this with { Missing = Missing + count },
    };
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

/// <summary>One requirement for one person in detail: the status and the record behind it.</summary>
public sealed record RequirementDetail(
    RequirementSummary Requirement, ComplianceStatus Status, string? LatestCourseTitle, DateOnly? LatestCompletedOn, DateOnly? LatestExpiresOn);

/// <summary>What one person needs through one of their agencies.</summary>
public sealed record MembershipNeeds(Guid AgencyId, string AgencyName, string? WorkforceGroup, IReadOnlyList<RequirementDetail> Requirements);

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

/// <summary>The partnership's percentage compliant at the end of a month, per requirement and overall.</summary>
public sealed record TrendPoint(DateOnly AsAt, StatusCounts Overall, IReadOnlyDictionary<Guid, StatusCounts> ByRequirement, bool IsLive);

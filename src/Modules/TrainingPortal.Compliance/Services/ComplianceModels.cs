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

/// <summary>
/// One membership against one requirement of its group on a day, with the latest expiry among the person's approved
/// records of the requirement's courses: <see cref="ComplianceRules.NeverExpires"/> for one that does not expire,
/// null when there is none. The status follows from it (<see cref="ComplianceRules.StatusOn"/>).
/// </summary>
public sealed record RequirementExpiry
{
    public Guid MembershipId { get; init; }

    public Guid AgencyId { get; init; }

    public Guid PractitionerId { get; init; }

    public Guid RequirementId { get; init; }

    public DateOnly? LatestExpiry { get; init; }
}

/// <summary>A requirement of one person that is due soon or has expired, and that the platform has not reminded them about for this expiry.</summary>
public sealed record ReminderCandidate
{
    public Guid PractitionerId { get; init; }

    public Guid RequirementId { get; init; }

    /// <summary><see cref="ComplianceStatus.DueSoon"/> or <see cref="ComplianceStatus.Expired"/>.</summary>
    public ComplianceStatus Status { get; init; }

    /// <summary>When the person's latest record for the requirement expires (or expired): the reminder's window.</summary>
    public DateOnly ExpiresOn { get; init; }
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

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;

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

/// <summary>One requirement for one person in detail: the status and the record behind it.</summary>
public sealed record RequirementDetail(
    RequirementSummary Requirement, ComplianceStatus Status, string? LatestCourseTitle, DateOnly? LatestCompletedOn, DateOnly? LatestExpiresOn);

/// <summary>What one person needs through one of their agencies.</summary>
public sealed record MembershipNeeds(Guid AgencyId, string AgencyName, string? WorkforceGroup, IReadOnlyList<RequirementDetail> Requirements);

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

    public int WorkforceGroupId { get; init; }

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

/// <summary>
/// Works out who meets which requirement, in the database: every membership in post is assessed against each
/// requirement of its workforce group from the person's training records (shared by all their agencies), and the
/// results are grouped and counted there. Nothing loads a workforce into memory. It checks no one's scope: what leads
/// and the partnership may see is <see cref="ComplianceDashboard"/>.
/// </summary>
public sealed class ComplianceCalculator(PortalDbContext db, PortalSettings settings, TimeProvider clock)
{
    private int? dueSoonDays;

    private IReadOnlyList<RequirementSummary>? requirements;

    public DateOnly Today => UkTime.Today(clock);

    public async Task<int> DueSoonDaysAsync(CancellationToken cancellationToken = default) =>
        dueSoonDays ??= await ComplianceSettings.DueSoonDaysAsync(settings, cancellationToken);

    /// <summary>Every requirement with its groups and courses (main course first), in order.</summary>
    public async Task<IReadOnlyList<RequirementSummary>> RequirementsAsync(CancellationToken cancellationToken = default) =>
        requirements ??= await LoadRequirementsAsync(cancellationToken);

    private async Task<IReadOnlyList<RequirementSummary>> LoadRequirementsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Requirement>().AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.Order, Groups = r.Groups.Select(g => g.WorkforceGroupId).ToList() })
            .ToListAsync(cancellationToken);
        var courses = await (from rc in db.Set<RequirementCourse>().AsNoTracking()
                             join c in db.Set<Course>() on rc.CourseId equals c.Id
                             join v in db.CurrentCourseVersions() on c.Id equals v.CourseId
                             orderby rc.Order
                             select new { rc.RequirementId, Course = new RequirementCourseSummary(c.Id, c.Code, v.Title, v.DeliveryMode == DeliveryMode.ELearning) })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new RequirementSummary(r.Id, r.Name, r.Order, r.Groups, courses.Where(c => c.RequirementId == r.Id).Select(c => c.Course).ToList()))
            .ToList();
    }

    /// <summary>
    /// Each membership against each requirement of its group, as a query to compose with. The status is the best over
    /// the person's approved records of any of the requirement's courses completed by <paramref name="day"/>:
    /// one correlated look-up on (practitioner, course), so the database does the work with its index.
    /// </summary>
    public IQueryable<Assessment> Assess(IQueryable<AgencyMembership> memberships, DateOnly day, int dueSoonDays)
    {
        var dueSoonUntil = day.AddDays(dueSoonDays);
        return from m in memberships
               join rg in db.Set<RequirementGroup>() on m.WorkforceGroupId equals (int?)rg.WorkforceGroupId
               select new Assessment
               {
                   MembershipId = m.Id,
                   AgencyId = m.AgencyId,
                   PractitionerId = m.PractitionerId,
                   TeamId = m.TeamId,
                   RequirementId = rg.RequirementId,
                   // Per record: 0 met, 1 due soon, 2 expired; the best record wins; no record at all is 3, missing.
                   Status = (ComplianceStatus)((from rc in db.Set<RequirementCourse>()
                                                where rc.RequirementId == rg.RequirementId
                                                from t in db.Set<TrainingRecord>()
                                                where t.PractitionerId == m.PractitionerId && t.CourseId == rc.CourseId
                                                      && t.Status == RecordStatus.Approved && t.CompletedOn <= day
                                                select (int?)(t.ExpiresOn == null || t.ExpiresOn > dueSoonUntil ? 0 : t.ExpiresOn > day ? 1 : 2)).Min() ?? 3),
               };
    }

    /// <summary>
    /// What a person needs through each of their current agencies, with the record behind each status. Only for the
    /// person themselves or someone whose scope was checked: it takes no agency filter beyond <paramref name="onlyAgencyId"/>.
    /// </summary>
    public async Task<IReadOnlyList<MembershipNeeds>> NeedsAsync(Guid practitionerId, Guid? onlyAgencyId = null, CancellationToken cancellationToken = default) =>
        (await NeedsAsync([practitionerId], onlyAgencyId, cancellationToken)).GetValueOrDefault(practitionerId, []);

    /// <summary>
    /// <see cref="NeedsAsync(Guid, Guid?, CancellationToken)"/> for several people at once, in three queries however many
    /// there are; people with no current membership are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MembershipNeeds>>> NeedsAsync(
        IReadOnlyCollection<Guid> practitionerIds, Guid? onlyAgencyId = null, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var days = await DueSoonDaysAsync(cancellationToken);
        var memberships = await db.MembershipsInPost(today)
            .Where(m => practitionerIds.Contains(m.PractitionerId) && (onlyAgencyId == null || m.AgencyId == onlyAgencyId))
            .OrderBy(m => m.Agency!.Name)
            .Select(m => new { m.PractitionerId, m.AgencyId, Agency = m.Agency!.Name, m.WorkforceGroupId, Group = m.WorkforceGroup!.Name })
            .ToListAsync(cancellationToken);
        if (memberships.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<MembershipNeeds>>();
        }
        var requirements = await RequirementsAsync(cancellationToken);
        var courseIds = requirements.SelectMany(r => r.Courses).Select(c => c.CourseId).Distinct().ToList();
        var people = memberships.Select(m => m.PractitionerId).Distinct().ToList();
        var records = (await (from t in db.Set<TrainingRecord>().AsNoTracking()
                              where people.Contains(t.PractitionerId) && t.Status == RecordStatus.Approved && courseIds.Contains(t.CourseId) && t.CompletedOn <= today
                              join v in db.Set<CourseVersion>() on t.CourseVersionId equals v.Id
                              select new { t.PractitionerId, t.CourseId, t.CompletedOn, t.ExpiresOn, v.Title })
            .ToListAsync(cancellationToken)).ToLookup(t => t.PractitionerId);
        return memberships.GroupBy(m => m.PractitionerId).ToDictionary(g => g.Key, g => (IReadOnlyList<MembershipNeeds>)g.Select(m => new MembershipNeeds(m.AgencyId, m.Agency, m.Group,
            requirements.Where(r => r.AppliesTo(m.WorkforceGroupId)).Select(r =>
            {
                var courses = r.Courses.Select(c => c.CourseId).ToHashSet();
                var best = records[m.PractitionerId].Where(t => courses.Contains(t.CourseId))
                    .OrderByDescending(t => t.ExpiresOn ?? ComplianceRules.NeverExpires).ThenByDescending(t => t.CompletedOn)
                    .FirstOrDefault();
                var status = ComplianceRules.StatusOn(today, days, best is null ? null : best.ExpiresOn ?? ComplianceRules.NeverExpires);
                return new RequirementDetail(r, status, best?.Title, best?.CompletedOn, best?.ExpiresOn);
            }).ToList())).ToList());
    }

    /// <summary>Counts per agency and requirement for the given memberships on a day (today, or the end of a past month).</summary>
    public async Task<IReadOnlyList<(Guid AgencyId, Guid RequirementId, StatusCounts Counts)>> CountsAsync(
        IQueryable<AgencyMembership> memberships, DateOnly day, int dueSoonDays, CancellationToken cancellationToken = default)
    {
        var counts = await Assess(memberships, day, dueSoonDays)
            .GroupBy(a => new { a.AgencyId, a.RequirementId, a.Status })
            .Select(g => new { g.Key.AgencyId, g.Key.RequirementId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.GroupBy(c => (c.AgencyId, c.RequirementId))
            .Select(g => (g.Key.AgencyId, g.Key.RequirementId, g.Aggregate(StatusCounts.None, (sum, c) => sum.Add(c.Status, c.Count))))
            .ToList();
    }

    /// <summary>
    /// Each membership against each requirement of its group with the latest expiry among the person's approved records
    /// completed by <paramref name="day"/>, as a query to compose with: the same look-up as <see cref="Assess"/>,
    /// keeping the date the status comes from.
    /// </summary>
    public IQueryable<RequirementExpiry> LatestExpiries(IQueryable<AgencyMembership> memberships, DateOnly day)
    {
        var never = ComplianceRules.NeverExpires;
        return from m in memberships
               join rg in db.Set<RequirementGroup>() on m.WorkforceGroupId equals (int?)rg.WorkforceGroupId
               select new RequirementExpiry
               {
                   MembershipId = m.Id,
                   AgencyId = m.AgencyId,
                   PractitionerId = m.PractitionerId,
                   WorkforceGroupId = rg.WorkforceGroupId,
                   RequirementId = rg.RequirementId,
                   LatestExpiry = (from rc in db.Set<RequirementCourse>()
                                   where rc.RequirementId == rg.RequirementId
                                   from t in db.Set<TrainingRecord>()
                                   where t.PractitionerId == m.PractitionerId && t.CourseId == rc.CourseId
                                         && t.Status == RecordStatus.Approved && t.CompletedOn <= day
                                   select (DateOnly?)(t.ExpiresOn ?? never)).Max(),
               };
    }

    /// <summary>
    /// Requirements of current staff with an email address that are due soon or have expired today and that the
    /// platform has not yet reminded the person about for that expiry, once per person however many agencies they work
    /// for. Missing training is not here: leads chase that.
    /// </summary>
    public IQueryable<ReminderCandidate> UnremindedDueOrExpired(DateOnly today, int dueSoonDays)
    {
        var dueSoonUntil = today.AddDays(dueSoonDays);
        var members = db.MembershipsInPost(today).Where(m => m.Practitioner!.Email != null);
        return LatestExpiries(members, today)
            .Where(e => e.LatestExpiry != null && e.LatestExpiry <= dueSoonUntil)
            .Select(e => new { e.PractitionerId, e.RequirementId, ExpiresOn = e.LatestExpiry!.Value })
            .Distinct()
            .Where(c => !db.Set<ComplianceReminder>().Any(r =>
                r.PractitionerId == c.PractitionerId && r.RequirementId == c.RequirementId && r.ExpiresOn == c.ExpiresOn
                && ((c.ExpiresOn <= today && r.Status == ComplianceStatus.Expired) || (c.ExpiresOn > today && r.Status == ComplianceStatus.DueSoon))))
            .Select(c => new ReminderCandidate
            {
                PractitionerId = c.PractitionerId,
                RequirementId = c.RequirementId,
                ExpiresOn = c.ExpiresOn,
                Status = c.ExpiresOn <= today ? ComplianceStatus.Expired : ComplianceStatus.DueSoon,
            });
    }

    /// <summary>The whole-number percentage of the given memberships with requirements who met them all on a day, and how many had requirements.</summary>
    public async Task<(int Percent, int WithRequirements)> PercentCompliantAsync(
        IQueryable<AgencyMembership> memberships, DateOnly day, int dueSoonDays, CancellationToken cancellationToken = default)
    {
        var people = await Assess(memberships, day, dueSoonDays)
            .GroupBy(a => a.MembershipId)
            .Select(g => new { Worst = g.Max(a => a.Status) })
            .GroupBy(p => p.Worst <= ComplianceStatus.DueSoon)
            .Select(g => new { Compliant = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = people.Sum(p => p.Count);
        return (total == 0 ? 0 : people.Where(p => p.Compliant).Sum(p => p.Count) * 100 / total, total);
    }
}

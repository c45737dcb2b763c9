using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Paging;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Compliance.Services;

/// <summary>
/// Works out who meets which requirement, in the database: every current membership is assessed against each
/// requirement of its workforce group from the person's training records (shared by all their agencies), and the
/// results are grouped and counted there. Nothing loads a workforce into memory. Every agency-level method checks
/// <see cref="AgencyScope"/> first.
/// </summary>
public sealed class ComplianceCalculator(PortalDbContext db, AgencyScope scope, PortalSettings settings, TimeProvider clock)
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

    /// <summary>Memberships that count today: confirmed, started and not left.</summary>
    public IQueryable<AgencyMembership> CurrentMemberships(DateOnly today) =>
        db.Set<AgencyMembership>().AsNoTracking().Where(m =>
            m.Status == MembershipStatus.Confirmed && (m.StartDate == null || m.StartDate <= today) && (m.LeavingDate == null || m.LeavingDate > today));

    /// <summary>Memberships that counted at the end of a past day, leavers included while they were there.</summary>
    public IQueryable<AgencyMembership> MembershipsAsAt(DateOnly day)
    {
        var endOfDayUtc = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return db.Set<AgencyMembership>().AsNoTracking().Where(m =>
            m.Status == MembershipStatus.Confirmed
            && (m.StartDate != null ? m.StartDate <= day : m.CreatedAt < endOfDayUtc)
            && (m.LeavingDate == null || m.LeavingDate > day));
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
        var today = Today;
        var days = await DueSoonDaysAsync(cancellationToken);
        var requirements = await RequirementsAsync(cancellationToken);
        var members = CurrentMemberships(today).Where(m => m.AgencyId == agencyId);
        var assessments = Assess(members, today, days);

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
        var today = Today;
        var days = await DueSoonDaysAsync(cancellationToken);
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
        var today = Today;
        var days = await DueSoonDaysAsync(cancellationToken);
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
        var needs = await NeedsAsync(practitionerId, agencyId, cancellationToken);
        return needs.Count == 0 ? (Access.NotFound, null) : (Access.Allowed, needs[0]);
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
        var memberships = await CurrentMemberships(today)
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

    /// <summary>Counts per agency and requirement across the partnership today. Figures only: safe for board members.</summary>
    public async Task<PartnershipHeatmap> PartnershipAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var days = await DueSoonDaysAsync(cancellationToken);
        var requirements = await RequirementsAsync(cancellationToken);
        var counts = await CountsAsync(CurrentMemberships(today), today, days, cancellationToken);
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, Sector = a.Sector!.Name }).ToListAsync(cancellationToken);
        var rows = agencies.Select(a => new AgencyRow(a.Id, a.Name, a.Sector,
            counts.Where(c => c.AgencyId == a.Id).ToDictionary(c => c.RequirementId, c => c.Counts))).ToList();
        var totals = requirements.ToDictionary(r => r.Id, r => counts.Where(c => c.RequirementId == r.Id).Aggregate(StatusCounts.None, (sum, c) => sum.Add(c.Counts)));
        return new PartnershipHeatmap(today, requirements, rows, totals);
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
        var members = CurrentMemberships(today).Where(m => m.Practitioner!.Email != null);
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
        var days = await DueSoonDaysAsync(cancellationToken);
        var before = week.Start.AddDays(-1);
        var end = week.End;
        var then = MembershipsAsAt(before).Where(m => m.AgencyId == agencyId);
        var now = MembershipsAsAt(end).Where(m => m.AgencyId == agencyId);
        var (percentBefore, _) = await PercentCompliantAsync(then, before, days, cancellationToken);
        var (percentNow, withRequirements) = await PercentCompliantAsync(now, end, days, cancellationToken);

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
        var expiries = LatestExpiries(now, end);
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
        var members = CurrentMemberships(today).Where(m => m.AgencyId == agencyId);
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
            var matching = Assess(members, today, days).Where(a => a.Status == status);
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
        return (await Assess(members, today, days).ToListAsync(cancellationToken)).ToLookup(a => a.MembershipId);
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

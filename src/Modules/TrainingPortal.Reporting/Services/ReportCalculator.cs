using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Domain;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Champions.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Evaluation.Services;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Reporting.Services;

/// <summary>
/// Works out every bi-annual report's figures for a period, as the data stood then, with set-based queries: each figure
/// is one query grouped by agency in the database, so every agency's report costs the same handful of queries as one.
/// </summary>
/// <remarks>
/// How things are counted, so that re-running a past period gives the same answer:
/// <list type="bullet">
/// <item>Staff are the memberships that counted on the last day of the period
/// (<see cref="MembershipQueries.MembershipsAsAt"/>): confirmed, started (or added) by then and not left by then.
/// An agency counts each of its memberships; the partnership counts each person once, however many agencies they work for.</item>
/// <item>Trained in the period: approved training records completed in the period by people who were members of the agency
/// at any time in it (started or added by its end, not left by its start). People are counted once however many
/// courses they completed; a course line and a level line count each person once too.</item>
/// <item>Frontline comes from the agency's membership (the flag as it stands: memberships keep no history of it). In the
/// partnership report a person is frontline when any of their memberships counted for the period is.</item>
/// <item>Courses and levels are those of the course version the record was earned on, so later edits to a course do not
/// move past completions between lines.</item>
/// <item>Compliance comes from <see cref="ComplianceCalculator.Assess"/> on the period's last day, counted per membership
/// (as the partnership heatmap does); a percentage compliant across requirements is of all those assessments.</item>
/// <item>Attendance counts bookings, by the agency they were made through, on sessions that started in the period and were
/// not cancelled. Requests never approved, declined requests and people still waiting never held a place and are left out;
/// partial attendance counts as attended.</item>
/// <item>GCP2 licences: staff at period end holding an approved record, completed by then and still valid then, of a course
/// version that grants the licence.</item>
/// <item>The partnership report covers the active agencies: the ones it has a line for.</item>
/// <item>Champions (<see cref="ChampionFigures"/>): register entries of the agency with an approved spell covering the
/// period's last day (<see cref="Champions.Services.ChampionFigures.ChampionsActiveOn"/>); the partnership counts a
/// person who champions for two agencies once. Briefings are the logs delivered in the period, counted for the agency
/// whose team was briefed. People briefed are the different practitioners on those logs (once however many briefings
/// they attended) plus every name typed in for someone without a learning record (each counted, as nobody can tell
/// two typed names apart); the partnership counts a practitioner briefed by two agencies once.</item>
/// <item>Guides published are partnership-wide and the same on every report: guides whose first published version was
/// published in the period (UK dates). A revised version of a guide already in the library is not counted again, so
/// the figure is the library's growth; a guide retired since still counts in the period it was published.</item>
/// <item>Evaluation (<see cref="EvaluationFigures"/>, from what <see cref="EvaluationQueries"/> publishes): completions in the
/// period that were asked about, with their answers, counted for each agency the person was in post with on the day they
/// completed (<see cref="EvaluationQueries.AgenciesAtCompletion"/>); the partnership counts each once, among completions
/// that count for an active agency. Follow-ups are those answered in the period (UK dates), whenever the training was.
/// Averages are of the answers (confidence: of every learning outcome answered), to one decimal place. An agency's
/// report withholds the averages of any course, and of the totals and follow-ups, with fewer than
/// <see cref="EvaluationLimits.SmallestGroupShownToLeads"/> answers.</item>
/// </list>
/// Nothing here checks who is asking: callers show a report only to those allowed to see it.
/// </remarks>
public sealed class ReportCalculator(PortalDbContext db, ComplianceCalculator compliance, PortalSettings settings)
{
    private const int TrendPeriods = 4;

    private static readonly string[] Levels = Enum.GetNames<CourseLevel>();

    /// <summary>The partnership's report and one per active agency for the period (the partnership first, then agencies by name).</summary>
    public async Task<IReadOnlyList<ReportFigures>> AllAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new AgencyName(a.Id, a.Name, a.Sector!.Name)).ToListAsync(cancellationToken);
        var figures = await FiguresAsync(period, agencies, onlyAgencyId: null, cancellationToken);
        var title = await settings.GetAsync(PortalSettings.PartnershipName, cancellationToken) ?? "Partnership";
        var partnership = await PartnershipAsync(period, title, agencies, figures, cancellationToken);
        return [partnership, .. agencies.Select(a => ForAgency(period, a, figures))];
    }

    /// <summary>One agency's report for the period (an agency no longer active too, for its past reports).</summary>
    public async Task<ReportFigures> ForAgencyAsync(ReportingPeriod period, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var agency = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new AgencyName(a.Id, a.Name, a.Sector!.Name)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"There is no agency {agencyId}.");
        var figures = await FiguresAsync(period, [agency], agencyId, cancellationToken);
        return ForAgency(period, agency, figures);
    }

    private static ReportFigures ForAgency(ReportingPeriod period, AgencyName agency, AgencyFigures figures)
    {
        var id = agency.Id;
        return new ReportFigures
        {
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            PeriodName = period.Name,
            AgencyId = id,
            Title = agency.Name,
            Headcount = figures.Headcount.GetValueOrDefault(id)?.All ?? 0,
            FrontlineHeadcount = figures.Headcount.GetValueOrDefault(id)?.Frontline ?? 0,
            PeopleTrained = figures.Trained[^1].GetValueOrDefault(id)?.All ?? 0,
            FrontlinePeopleTrained = figures.Trained[^1].GetValueOrDefault(id)?.Frontline ?? 0,
            TrainedByCourse = figures.ByCourse.Where(c => c.AgencyId == id).Select(c => c.Line).ToList(),
            TrainedByLevel = LevelLines(figures.ByLevel.Where(l => l.AgencyId == id).Select(l => l.Line)),
            Compliance = figures.Requirements.Select(r => RequirementLine(r, figures.Compliance[^1], figures.Compliance[^2], id)).ToList(),
            Attendance = figures.Attendance.GetValueOrDefault(id) ?? new AttendanceFigures(),
            Gcp2Practitioners = figures.Gcp2.GetValueOrDefault((id, CourseLicence.Gcp2Practitioner)),
            Gcp2Trainers = figures.Gcp2.GetValueOrDefault((id, CourseLicence.Gcp2Trainer)),
            Evaluation = figures.Evaluation.For(id, withholdSmallGroups: true),
            Champions = new ChampionFigures
            {
                ActiveChampions = figures.Champions.Active.GetValueOrDefault(id),
                Briefings = figures.Champions.Briefings.GetValueOrDefault(id),
                PeopleBriefed = figures.Champions.PeopleBriefed(id),
                GuidesPublished = figures.Champions.GuidesPublished,
            },
            Trend = figures.Periods.Select((p, i) => new TrendPoint(p.ShortName,
                figures.Trained[i].GetValueOrDefault(id)?.All ?? 0, Overall(figures.Compliance[i], id).PercentCompliant)).ToList(),
            People = figures.People[id].ToList(),
        };
    }

    private async Task<ReportFigures> PartnershipAsync(
        ReportingPeriod period, string title, IReadOnlyList<AgencyName> agencies, AgencyFigures figures, CancellationToken cancellationToken)
    {
        var end = period.End;
        var staff = db.MembershipsAsAt(end).Where(m => m.Agency!.IsActive);
        var headcount = await staff.Select(m => m.PractitionerId).Distinct().CountAsync(cancellationToken);
        var frontline = await staff.Where(m => m.IsFrontline).Select(m => m.PractitionerId).Distinct().CountAsync(cancellationToken);

        var trend = new List<TrendPoint>(figures.Periods.Count);
        var trained = new List<Count>(figures.Periods.Count);
        for (var i = 0; i < figures.Periods.Count; i++)
        {
            var people = await TrainedPeople(figures.Periods[i], null)
                .GroupBy(p => p.PractitionerId)
                .Select(g => new { Frontline = g.Max(p => p.IsFrontline ? 1 : 0) })
                .GroupBy(p => 1)
                .Select(g => new Count(g.Count(), g.Sum(p => p.Frontline)))
                .SingleOrDefaultAsync(cancellationToken) ?? new Count(0, 0);
            trend.Add(new TrendPoint(figures.Periods[i].ShortName, people.All, Overall(figures.Compliance[i], null).PercentCompliant));
            trained.Add(people);
        }

        // One row per person and course (or level): frontline if any of their memberships in the period is.
        var completions = Completions(period, null);
        var byCourse = await completions
            .GroupBy(c => new { c.PractitionerId, c.CourseId, c.Code, c.Title, c.Level })
            .Select(g => new { g.Key.CourseId, g.Key.Code, g.Key.Title, g.Key.Level, Frontline = g.Max(c => c.IsFrontline ? 1 : 0) })
            .GroupBy(c => new { c.CourseId, c.Code, c.Title, c.Level })
            .Select(g => new { g.Key.Code, g.Key.Title, g.Key.Level, Frontline = g.Sum(c => c.Frontline), All = g.Count() })
            .ToListAsync(cancellationToken);
        var byLevel = await completions
            .GroupBy(c => new { c.PractitionerId, c.Level })
            .Select(g => new { g.Key.Level, Frontline = g.Max(c => c.IsFrontline ? 1 : 0) })
            .GroupBy(c => c.Level)
            .Select(g => new { Level = g.Key, Frontline = g.Sum(c => c.Frontline), All = g.Count() })
            .ToListAsync(cancellationToken);

        var licensed = Licensed(end, staff);
        var gcp2 = await licensed.Select(l => new { l.PractitionerId, l.Licence }).Distinct()
            .GroupBy(l => l.Licence).Select(g => new { Licence = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Licence, g => g.Count, cancellationToken);

        var briefed = PeopleBriefed(period, null);
        var champions = new ChampionFigures
        {
            ActiveChampions = await ActiveChampions(end, null).Select(c => c.PractitionerId).Distinct().CountAsync(cancellationToken),
            Briefings = figures.Champions.Briefings.Values.Sum(),
            PeopleBriefed = await briefed.Where(p => p.PractitionerId != null).Select(p => p.PractitionerId).Distinct().CountAsync(cancellationToken)
                + figures.Champions.TypedNames.Values.Sum(),
            GuidesPublished = figures.Champions.GuidesPublished,
            Agencies = agencies.Select(a => new AgencyChampionLine(a.Id, a.Name, figures.Champions.Active.GetValueOrDefault(a.Id),
                figures.Champions.Briefings.GetValueOrDefault(a.Id), figures.Champions.PeopleBriefed(a.Id))).ToList(),
        };

        var evaluation = (await EvaluationCountsAsync(period, onlyAgencyId: null, partnership: true, cancellationToken)).For(null, withholdSmallGroups: false);

        var attendance = figures.Attendance.Values.Aggregate(new AttendanceFigures(), (sum, a) => sum with
        {
            Bookings = sum.Bookings + a.Bookings, Attended = sum.Attended + a.Attended, DidNotAttend = sum.DidNotAttend + a.DidNotAttend,
            LateCancelled = sum.LateCancelled + a.LateCancelled, Cancelled = sum.Cancelled + a.Cancelled,
        });

        return new ReportFigures
        {
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            PeriodName = period.Name,
            AgencyId = null,
            Title = title,
            Headcount = headcount,
            FrontlineHeadcount = frontline,
            PeopleTrained = trained[^1].All,
            FrontlinePeopleTrained = trained[^1].Frontline,
            TrainedByCourse = byCourse
                .Select(c => new TrainedByCourse(c.Code, c.Title, c.Level.ToString(), c.Frontline, c.All - c.Frontline))
                .OrderBy(c => Enum.Parse<CourseLevel>(c.Level)).ThenBy(c => c.CourseTitle, StringComparer.OrdinalIgnoreCase).ToList(),
            TrainedByLevel = LevelLines(byLevel.Select(l => new TrainedByLevel(l.Level.ToString(), l.Frontline, l.All - l.Frontline))),
            Compliance = figures.Requirements.Select(r => RequirementLine(r, figures.Compliance[^1], figures.Compliance[^2], null)).ToList(),
            Attendance = attendance,
            Gcp2Practitioners = gcp2.GetValueOrDefault(CourseLicence.Gcp2Practitioner),
            Gcp2Trainers = gcp2.GetValueOrDefault(CourseLicence.Gcp2Trainer),
            Champions = champions,
            Evaluation = evaluation,
            Trend = trend,
            Agencies = agencies.Select(a => new AgencyLine(a.Id, a.Name, a.Sector,
                figures.Headcount.GetValueOrDefault(a.Id)?.All ?? 0, figures.Headcount.GetValueOrDefault(a.Id)?.Frontline ?? 0,
                figures.Trained[^1].GetValueOrDefault(a.Id)?.All ?? 0, figures.Trained[^1].GetValueOrDefault(a.Id)?.Frontline ?? 0,
                Overall(figures.Compliance[^1], a.Id).PercentCompliant,
                figures.Attendance.GetValueOrDefault(a.Id)?.DidNotAttendRate ?? 0)).ToList(),
        };
    }

    /// <summary>Every per-agency figure for the agencies in scope (one agency, or every active one), each query grouped by agency.</summary>
    private async Task<AgencyFigures> FiguresAsync(ReportingPeriod period, IReadOnlyList<AgencyName> agencies, Guid? onlyAgencyId, CancellationToken cancellationToken)
    {
        var calendar = await ReportingSettings.CalendarAsync(settings, cancellationToken);
        var periods = calendar.EndingWith(period, TrendPeriods);
        var end = period.End;
        var staff = InScope(db.MembershipsAsAt(end), onlyAgencyId);

        var headcount = await staff.GroupBy(m => m.AgencyId)
            .Select(g => new { AgencyId = g.Key, All = g.Count(), Frontline = g.Count(m => m.IsFrontline) })
            .ToDictionaryAsync(g => g.AgencyId, g => new Count(g.All, g.Frontline), cancellationToken);

        var trained = new List<IReadOnlyDictionary<Guid, Count>>(periods.Count);
        foreach (var p in periods)
        {
            trained.Add(await TrainedPeople(p, onlyAgencyId)
                .GroupBy(t => t.AgencyId)
                .Select(g => new { AgencyId = g.Key, All = g.Count(), Frontline = g.Count(t => t.IsFrontline) })
                .ToDictionaryAsync(g => g.AgencyId, g => new Count(g.All, g.Frontline), cancellationToken));
        }

        // A person has one membership per agency, so (agency, person) fixes the frontline flag.
        var completions = Completions(period, onlyAgencyId);
        var byCourse = (await completions
                .Select(c => new { c.AgencyId, c.PractitionerId, c.IsFrontline, c.CourseId, c.Code, c.Title, c.Level }).Distinct()
                .GroupBy(c => new { c.AgencyId, c.CourseId, c.Code, c.Title, c.Level })
                .Select(g => new { g.Key.AgencyId, g.Key.Code, g.Key.Title, g.Key.Level, All = g.Count(), Frontline = g.Count(c => c.IsFrontline) })
                .ToListAsync(cancellationToken))
            .Select(c => (c.AgencyId, Line: new TrainedByCourse(c.Code, c.Title, c.Level.ToString(), c.Frontline, c.All - c.Frontline)))
            .OrderBy(c => Enum.Parse<CourseLevel>(c.Line.Level)).ThenBy(c => c.Line.CourseTitle, StringComparer.OrdinalIgnoreCase).ToList();
        var byLevel = (await completions
                .Select(c => new { c.AgencyId, c.PractitionerId, c.IsFrontline, c.Level }).Distinct()
                .GroupBy(c => new { c.AgencyId, c.Level })
                .Select(g => new { g.Key.AgencyId, g.Key.Level, All = g.Count(), Frontline = g.Count(c => c.IsFrontline) })
                .ToListAsync(cancellationToken))
            .Select(l => (l.AgencyId, Line: new TrainedByLevel(l.Level.ToString(), l.Frontline, l.All - l.Frontline))).ToList();

        var days = await compliance.DueSoonDaysAsync(cancellationToken);
        var requirements = await compliance.RequirementsAsync(cancellationToken);
        var counts = new List<IReadOnlyList<(Guid AgencyId, Guid RequirementId, StatusCounts Counts)>>(periods.Count);
        foreach (var p in periods)
        {
            counts.Add(await compliance.CountsAsync(InScope(db.MembershipsAsAt(p.End), onlyAgencyId), p.End, days, cancellationToken));
        }

        var attendance = await AttendanceAsync(period, onlyAgencyId, cancellationToken);

        var gcp2 = await Licensed(end, staff)
            .GroupBy(l => new { l.AgencyId, l.Licence })
            .Select(g => new { g.Key.AgencyId, g.Key.Licence, Count = g.Select(l => l.PractitionerId).Distinct().Count() })
            .ToDictionaryAsync(g => (g.AgencyId, g.Licence), g => g.Count, cancellationToken);

        var people = await NamedCompletionsAsync(period, onlyAgencyId, cancellationToken);

        var champions = await ChampionCountsAsync(period, onlyAgencyId, cancellationToken);

        var evaluation = await EvaluationCountsAsync(period, onlyAgencyId, partnership: false, cancellationToken);

        return new AgencyFigures(periods, headcount, trained, byCourse, byLevel, requirements, counts, attendance, gcp2, people, champions, evaluation);
    }

    /// <summary>Champions at period end, briefings and people briefed per agency in scope, and the guides published in the period.</summary>
    private async Task<ChampionCounts> ChampionCountsAsync(ReportingPeriod period, Guid? onlyAgencyId, CancellationToken cancellationToken)
    {
        var active = await ActiveChampions(period.End, onlyAgencyId)
            .GroupBy(c => c.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgencyId, g => g.Count, cancellationToken);
        var logs = db.BriefingsDelivered(period.Start, period.End);
        logs = onlyAgencyId is { } id ? logs.Where(b => b.AgencyId == id) : logs.Where(b => db.Set<Agency>().Any(a => a.Id == b.AgencyId && a.IsActive));
        var briefings = await logs
            .GroupBy(b => b.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgencyId, g => g.Count, cancellationToken);
        var briefed = PeopleBriefed(period, onlyAgencyId);
        var practitioners = await briefed.Where(p => p.PractitionerId != null)
            .Select(p => new { p.AgencyId, p.PractitionerId }).Distinct()
            .GroupBy(p => p.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgencyId, g => g.Count, cancellationToken);
        var typedNames = await briefed.Where(p => p.PractitionerId == null)
            .GroupBy(p => p.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgencyId, g => g.Count, cancellationToken);
        var guides = await db.GuidesFirstPublished(period.Start, period.End).CountAsync(cancellationToken);
        return new ChampionCounts(active, briefings, practitioners, typedNames, guides);
    }

    /// <summary>
    /// Evaluation counts grouped in the database: per agency in scope (each completion for every agency the person was in
    /// post with that day) or, for the partnership, each completion once among those that count for an active agency.
    /// </summary>
    private async Task<EvaluationCounts> EvaluationCountsAsync(ReportingPeriod period, Guid? onlyAgencyId, bool partnership, CancellationToken cancellationToken)
    {
        var fromUtc = UkTime.ToUtc(period.Start.ToDateTime(TimeOnly.MinValue));
        var untilUtc = UkTime.ToUtc(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var agencies = db.AgenciesAtCompletion();
        agencies = onlyAgencyId is { } id
            ? agencies.Where(a => a.AgencyId == id)
            : agencies.Where(a => db.Set<Agency>().Any(x => x.Id == a.AgencyId && x.IsActive));
        var asked = db.EvaluationsAsked().Where(r => r.CompletedOn >= period.Start && r.CompletedOn <= period.End);
        var confidence = db.ConfidenceAnswers().Where(c => c.CompletedOn >= period.Start && c.CompletedOn <= period.End);
        var followUps = db.FollowUpsReturned().Where(f => f.AnsweredAt >= fromUtc && f.AnsweredAt < untilUtc);

        List<EvaluationRow> askedRows;
        List<ConfidenceRow> confidenceRows;
        List<FollowUpRow> followUpRows;
        if (partnership)
        {
            askedRows = (await asked.Where(r => agencies.Any(a => a.Key == r.RequestId))
                    .GroupBy(r => new { r.CourseId, r.Answered, r.OverallRating })
                    .Select(g => new { g.Key.CourseId, g.Key.Answered, g.Key.OverallRating, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(r => new EvaluationRow(null, r.CourseId, r.Answered, r.OverallRating, r.Count)).ToList();
            confidenceRows = (await confidence.Where(c => agencies.Any(a => a.Key == c.RequestId))
                    .GroupBy(c => c.CourseId)
                    .Select(g => new { CourseId = g.Key, Answers = g.Count(), Before = g.Sum(c => c.Before), After = g.Sum(c => c.After) }).ToListAsync(cancellationToken))
                .Select(r => new ConfidenceRow(null, r.CourseId, r.Answers, r.Before, r.After)).ToList();
            followUpRows = (await followUps.Where(f => agencies.Any(a => a.Key == f.RequestId))
                    .GroupBy(f => f.PracticeChanged)
                    .Select(g => new { Changed = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(r => new FollowUpRow(null, r.Changed, r.Count)).ToList();
        }
        else
        {
            askedRows = (await (from r in asked
                                join a in agencies on r.RequestId equals a.Key
                                group r by new { a.AgencyId, r.CourseId, r.Answered, r.OverallRating } into g
                                select new { g.Key.AgencyId, g.Key.CourseId, g.Key.Answered, g.Key.OverallRating, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(r => new EvaluationRow(r.AgencyId, r.CourseId, r.Answered, r.OverallRating, r.Count)).ToList();
            confidenceRows = (await (from c in confidence
                                     join a in agencies on c.RequestId equals a.Key
                                     group c by new { a.AgencyId, c.CourseId } into g
                                     select new { g.Key.AgencyId, g.Key.CourseId, Answers = g.Count(), Before = g.Sum(c => c.Before), After = g.Sum(c => c.After) }).ToListAsync(cancellationToken))
                .Select(r => new ConfidenceRow(r.AgencyId, r.CourseId, r.Answers, r.Before, r.After)).ToList();
            followUpRows = (await (from f in followUps
                                   join a in agencies on f.RequestId equals a.Key
                                   group f by new { a.AgencyId, f.PracticeChanged } into g
                                   select new { g.Key.AgencyId, Changed = g.Key.PracticeChanged, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(r => new FollowUpRow(r.AgencyId, r.Changed, r.Count)).ToList();
        }

        // Each course under its code and the title of its latest version.
        var courseIds = askedRows.Select(r => r.CourseId).Distinct().ToList();
        var courses = await (from c in db.Set<Course>().AsNoTracking()
                             where courseIds.Contains(c.Id)
                             select new
                             {
                                 c.Id, c.Code,
                                 Title = db.Set<CourseVersion>().Where(v => v.CourseId == c.Id).OrderByDescending(v => v.Number).Select(v => v.Title).First(),
                             }).ToDictionaryAsync(c => c.Id, c => (c.Code, c.Title), cancellationToken);
        return new EvaluationCounts(askedRows, confidenceRows, followUpRows, courses);
    }

    private IQueryable<Champion> ActiveChampions(DateOnly day, Guid? onlyAgencyId)
    {
        var champions = db.ChampionsActiveOn(day);
        return onlyAgencyId is { } id
            ? champions.Where(c => c.AgencyId == id)
            : champions.Where(c => db.Set<Agency>().Any(a => a.Id == c.AgencyId && a.IsActive));
    }

    private IQueryable<BriefedPerson> PeopleBriefed(ReportingPeriod period, Guid? onlyAgencyId)
    {
        var briefed = db.PeopleBriefed(period.Start, period.End);
        return onlyAgencyId is { } id
            ? briefed.Where(p => p.AgencyId == id)
            : briefed.Where(p => db.Set<Agency>().Any(a => a.Id == p.AgencyId && a.IsActive));
    }

    /// <summary>Bookings per agency on sessions that started in the period (UK dates) and ran, by what became of them.</summary>
    private async Task<IReadOnlyDictionary<Guid, AttendanceFigures>> AttendanceAsync(ReportingPeriod period, Guid? onlyAgencyId, CancellationToken cancellationToken)
    {
        var fromUtc = UkTime.ToUtc(period.Start.ToDateTime(TimeOnly.MinValue));
        var untilUtc = UkTime.ToUtc(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var counted = new[]
        {
            BookingStatus.Booked, BookingStatus.Attended, BookingStatus.PartiallyAttended, BookingStatus.DidNotAttend,
            BookingStatus.LateCancelled, BookingStatus.Cancelled,
        };
        var bookings = from b in db.Set<Booking>().AsNoTracking()
                       join s in db.Set<Session>() on b.SessionId equals s.Id
                       where s.StartsAtUtc >= fromUtc && s.StartsAtUtc < untilUtc && s.Status != SessionStatus.Cancelled && counted.Contains(b.Status)
                       select b;
        bookings = onlyAgencyId is { } id
            ? bookings.Where(b => b.AgencyId == id)
            : bookings.Where(b => db.Set<Agency>().Any(a => a.Id == b.AgencyId && a.IsActive));
        var rows = await bookings.GroupBy(b => new { b.AgencyId, b.Status })
            .Select(g => new { g.Key.AgencyId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g =>
        {
            int Of(params BookingStatus[] statuses) => g.Where(r => statuses.Contains(r.Status)).Sum(r => r.Count);
            return new AttendanceFigures
            {
                Bookings = g.Sum(r => r.Count),
                Attended = Of(BookingStatus.Attended, BookingStatus.PartiallyAttended),
                DidNotAttend = Of(BookingStatus.DidNotAttend),
                LateCancelled = Of(BookingStatus.LateCancelled),
                Cancelled = Of(BookingStatus.Cancelled),
            };
        });
    }

    /// <summary>The named list: bounded by a half-year's completions, so one query for every agency, split here.</summary>
    private async Task<ILookup<Guid, NamedCompletion>> NamedCompletionsAsync(ReportingPeriod period, Guid? onlyAgencyId, CancellationToken cancellationToken)
    {
        var rows = await (from t in Records(period)
                          join m in InScope(db.MembershipsDuring(period.Start, period.End), onlyAgencyId) on t.PractitionerId equals m.PractitionerId
                          join v in db.Set<CourseVersion>() on t.CourseVersionId equals v.Id
                          orderby m.Practitioner!.LastName, m.Practitioner!.FirstName, t.CompletedOn, v.Title
                          select new
                          {
                              m.AgencyId, m.Practitioner!.FirstName, m.Practitioner.LastName, m.EmployeeReference, Team = m.Team!.Name,
                              m.IsFrontline, v.Title, v.Level, t.CompletedOn,
                          })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.AgencyId, r => new NamedCompletion(
            $"{r.FirstName} {r.LastName}", r.EmployeeReference, r.Team, r.IsFrontline, r.Title, r.Level.ToString(), r.CompletedOn));
    }

    private IQueryable<TrainingRecord> Records(ReportingPeriod period) =>
        db.Set<TrainingRecord>().AsNoTracking()
            .Where(t => t.Status == RecordStatus.Approved && t.CompletedOn >= period.Start && t.CompletedOn <= period.End);

    /// <summary>Each completion in the period once per membership it counts for, with the version it was earned on.</summary>
    private IQueryable<Completion> Completions(ReportingPeriod period, Guid? onlyAgencyId) =>
        from t in Records(period)
        join m in InScope(db.MembershipsDuring(period.Start, period.End), onlyAgencyId) on t.PractitionerId equals m.PractitionerId
        join v in db.Set<CourseVersion>() on t.CourseVersionId equals v.Id
        join c in db.Set<Course>() on t.CourseId equals c.Id
        select new Completion { AgencyId = m.AgencyId, PractitionerId = t.PractitionerId, IsFrontline = m.IsFrontline, CourseId = c.Id, Code = c.Code, Title = v.Title, Level = v.Level };

    /// <summary>Each (agency, person) with a completion in the period, once.</summary>
    private IQueryable<TrainedPerson> TrainedPeople(ReportingPeriod period, Guid? onlyAgencyId)
    {
        var records = Records(period);
        return InScope(db.MembershipsDuring(period.Start, period.End), onlyAgencyId)
            .Where(m => records.Any(t => t.PractitionerId == m.PractitionerId))
            .Select(m => new TrainedPerson { AgencyId = m.AgencyId, PractitionerId = m.PractitionerId, IsFrontline = m.IsFrontline });
    }

    /// <summary>Staff holding a GCP2 licence on <paramref name="day"/>: one row per membership, licence and qualifying record.</summary>
    private IQueryable<LicenceHolder> Licensed(DateOnly day, IQueryable<AgencyMembership> staff) =>
        from m in staff
        join t in db.Set<TrainingRecord>() on m.PractitionerId equals t.PractitionerId
        join v in db.Set<CourseVersion>() on t.CourseVersionId equals v.Id
        where t.Status == RecordStatus.Approved && t.CompletedOn <= day && (t.ExpiresOn == null || t.ExpiresOn > day)
              && (v.Licence == CourseLicence.Gcp2Practitioner || v.Licence == CourseLicence.Gcp2Trainer)
        select new LicenceHolder { AgencyId = m.AgencyId, PractitionerId = m.PractitionerId, Licence = v.Licence };

    private static IQueryable<AgencyMembership> InScope(IQueryable<AgencyMembership> memberships, Guid? onlyAgencyId) =>
        onlyAgencyId is { } id ? memberships.Where(m => m.AgencyId == id) : memberships.Where(m => m.Agency!.IsActive);

    private static RequirementCompliance RequirementLine(
        RequirementSummary requirement,
        IReadOnlyList<(Guid AgencyId, Guid RequirementId, StatusCounts Counts)> now,
        IReadOnlyList<(Guid AgencyId, Guid RequirementId, StatusCounts Counts)> before,
        Guid? agencyId)
    {
        var counts = Sum(now, agencyId, requirement.Id);
        var previous = Sum(before, agencyId, requirement.Id);
        return new RequirementCompliance(requirement.Name, counts.Met, counts.DueSoon, counts.Expired, counts.Missing,
            previous.Total == 0 ? null : previous.PercentCompliant);
    }

    private static StatusCounts Overall(
        IReadOnlyList<(Guid AgencyId, Guid RequirementId, StatusCounts Counts)> counts, Guid? agencyId) =>
        Sum(counts, agencyId, null);

    private static StatusCounts Sum(
        IReadOnlyList<(Guid AgencyId, Guid RequirementId, StatusCounts Counts)> counts, Guid? agencyId, Guid? requirementId) =>
        counts.Where(c => (agencyId == null || c.AgencyId == agencyId) && (requirementId == null || c.RequirementId == requirementId))
            .Aggregate(StatusCounts.None, (sum, c) => sum.Add(c.Counts));

    /// <summary>Every level in order, with zeros where nobody trained, so reports always show the same rows.</summary>
    private static List<TrainedByLevel> LevelLines(IEnumerable<TrainedByLevel> lines)
    {
        var byLevel = lines.ToDictionary(l => l.Level);
        return Levels.Select(level => byLevel.GetValueOrDefault(level) ?? new TrainedByLevel(level, 0, 0)).ToList();
    }

    private sealed record AgencyName(Guid Id, string Name, string Sector);

    private sealed record Count(int All, int Frontline);

    private sealed record AgencyFigures(
        IReadOnlyList<ReportingPeriod> Periods,
        IReadOnlyDictionary<Guid, Count> Headcount,
        IReadOnlyList<IReadOnlyDictionary<Guid, Count>> Trained,
        IReadOnlyList<(Guid AgencyId, TrainedByCourse Line)> ByCourse,
        IReadOnlyList<(Guid AgencyId, TrainedByLevel Line)> ByLevel,
        IReadOnlyList<RequirementSummary> Requirements,
        IReadOnlyList<IReadOnlyList<(Guid AgencyId, Guid RequirementId, StatusCounts Counts)>> Compliance,
        IReadOnlyDictionary<Guid, AttendanceFigures> Attendance,
        IReadOnlyDictionary<(Guid AgencyId, CourseLicence Licence), int> Gcp2,
        ILookup<Guid, NamedCompletion> People,
        ChampionCounts Champions,
        EvaluationCounts Evaluation);

    private sealed record EvaluationRow(Guid? AgencyId, Guid CourseId, bool Answered, int? Rating, int Count);

    private sealed record ConfidenceRow(Guid? AgencyId, Guid CourseId, int Answers, int Before, int After);

    private sealed record FollowUpRow(Guid? AgencyId, bool Changed, int Count);

    /// <summary>Evaluation counts per agency (or, with no agency, the partnership's), turned into a report's section.</summary>
    private sealed record EvaluationCounts(
        IReadOnlyList<EvaluationRow> Asked, IReadOnlyList<ConfidenceRow> Confidence, IReadOnlyList<FollowUpRow> FollowUps,
        IReadOnlyDictionary<Guid, (string Code, string Title)> Courses)
    {
        public EvaluationFigures For(Guid? agencyId, bool withholdSmallGroups)
        {
            var asked = Asked.Where(r => r.AgencyId == agencyId).ToList();
            var confidence = Confidence.Where(c => c.AgencyId == agencyId).ToList();
            var followUps = FollowUps.Where(f => f.AgencyId == agencyId).ToList();
            bool Small(int answers) => withholdSmallGroups && answers < EvaluationLimits.SmallestGroupShownToLeads;

            var lines = asked.GroupBy(r => r.CourseId).Select(g =>
            {
                var (code, title) = Courses[g.Key];
                var responses = g.Where(r => r.Answered).Sum(r => r.Count);
                if (Small(responses))
                {
                    return new CourseEvaluationLine(code, title, g.Sum(r => r.Count), null, null, null, null);
                }
                var outcomes = confidence.Where(c => c.CourseId == g.Key).ToList();
                return new CourseEvaluationLine(code, title, g.Sum(r => r.Count), responses, Rating(g.ToList()),
                    Average(outcomes.Sum(c => c.Before), outcomes.Sum(c => c.Answers)), Average(outcomes.Sum(c => c.After), outcomes.Sum(c => c.Answers)));
            }).OrderBy(l => l.CourseTitle, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.CourseCode, StringComparer.Ordinal).ToList();

            var totalResponses = asked.Where(r => r.Answered).Sum(r => r.Count);
            var withheld = Small(totalResponses);
            var answers = confidence.Sum(c => c.Answers);
            var returned = followUps.Sum(f => f.Count);
            return new EvaluationFigures
            {
                Asked = asked.Sum(r => r.Count),
                Responses = totalResponses,
                Withheld = withheld,
                AverageRating = withheld ? null : Rating(asked),
                ConfidenceBefore = withheld ? null : Average(confidence.Sum(c => c.Before), answers),
                ConfidenceAfter = withheld ? null : Average(confidence.Sum(c => c.After), answers),
                FollowUpsReturned = returned,
                PracticeChanged = Small(returned) ? null : followUps.Where(f => f.Changed).Sum(f => f.Count),
                Courses = lines,
            };
        }

        private static decimal? Rating(IReadOnlyList<EvaluationRow> rows)
        {
            var answered = rows.Where(r => r.Answered && r.Rating is not null).ToList();
            return Average(answered.Sum(r => r.Rating!.Value * r.Count), answered.Sum(r => r.Count));
        }

        private static decimal? Average(int sum, int count) => count == 0 ? null : Math.Round((decimal)sum / count, 1, MidpointRounding.AwayFromZero);
    }

    private sealed record ChampionCounts(
        IReadOnlyDictionary<Guid, int> Active,
        IReadOnlyDictionary<Guid, int> Briefings,
        IReadOnlyDictionary<Guid, int> Practitioners,
        IReadOnlyDictionary<Guid, int> TypedNames,
        int GuidesPublished)
    {
        public int PeopleBriefed(Guid agencyId) => Practitioners.GetValueOrDefault(agencyId) + TypedNames.GetValueOrDefault(agencyId);
    }

    private sealed record Completion
    {
        public Guid AgencyId { get; init; }
        public Guid PractitionerId { get; init; }
        public bool IsFrontline { get; init; }
        public Guid CourseId { get; init; }
        public required string Code { get; init; }
        public required string Title { get; init; }
        public CourseLevel Level { get; init; }
    }

    private sealed record TrainedPerson
    {
        public Guid AgencyId { get; init; }
        public Guid PractitionerId { get; init; }
        public bool IsFrontline { get; init; }
    }

    private sealed record LicenceHolder
    {
        public Guid AgencyId { get; init; }
        public Guid PractitionerId { get; init; }
        public CourseLicence Licence { get; init; }
    }
}

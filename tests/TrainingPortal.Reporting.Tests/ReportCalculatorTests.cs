using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Data;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Services;
using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Reporting.Tests;

/// <summary>
/// A small partnership with known answers, reported for April to September 2026 (previous period: October 2025 to March 2026).
/// <code>
/// Health  Ann Archer  G2 frontline   basic 10 Nov 2025, advanced 5 May 2026, attends adolescent neglect 15 Jun 2026
///         Ben Baker   G1             basic 20 Jun 2026, thresholds 21 Jun 2026
///         Cat Carter  G1 frontline   leaves 1 Aug 2026; basic 1 May 2026
///         Dan Dixon   G1 frontline   starts 5 Oct 2026; basic 1 Sep 2026 (before he joined)
///         Eve Evans   G2             also Police G1 frontline; GCP2 practitioner 1 Jul 2026
/// Police  Fay Fisher  G3 frontline   GCP2 practitioner 10 Jan 2025, GCP2 train-the-trainer 10 Feb 2025, basic 1 Jun 2025; did not attend 15 Jun 2026
///         Gus Grant   G1             basic 1 Dec 2025; cancelled late for 15 Jun 2026
///         Hal Hughes  G1             basic 1 Dec 2025; cancelled in good time for 15 Jun 2026
/// </code>
/// Everyone else started on 1 January 2024. Ann also holds a place on a session in October 2026, outside the period.
/// <code>
/// Champions  Health: Ann active since Jan 2025; Ben stepped down 1 Jul 2026 (before period end); Eve active since Feb 2026
///            Police: Eve stepped down 31 Dec 2026 (after period end); Fay starts 1 Oct 2026; Gus nominated; Hal declined
/// Briefings  Health 20 May 2026: Ann, Ben, "Zoe Visitor" typed in; Health 10 Jul 2026: Ann again, Eve, "Zoe Visitor" again;
///            Health 20 Mar 2026 (before): Cat; Police 5 Jun 2026: Eve, Fay; Police 2 Oct 2026 (after): Gus
/// Guides     first published 10 May 2026 (revised 1 Aug 2026); 1 Apr 2026 00:30 UK time (31 Mar 23:30 UTC);
///            published Jan 2026 and revised Jun 2026; 1 Oct 2026 00:30 UK time (30 Sep 23:30 UTC); Oct 2026; never
/// </code>
/// </summary>
public sealed class ReportCalculatorTests : IAsyncLifetime
{
    private static readonly ReportingPeriod Period = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30));
    private static readonly DateOnly LongAgo = new(2024, 1, 1);

    private ReportingPortal portal = null!;
    private StaffMember ann = null!, eve = null!, fay = null!;

    public async Task InitializeAsync()
    {
        portal = await ReportingPortal.StartAsync();
        var (health, police) = (portal.Health, portal.Police);

        ann = await portal.StaffWithAccountAsync(health, "Ann Archer", "G2", frontline: true, LongAgo);
        var ben = await portal.StaffAsync(health, "Ben Baker", "G1", frontline: false, LongAgo);
        var cat = await portal.StaffAsync(health, "Cat Carter", "G1", frontline: true, LongAgo, leavingDate: new DateOnly(2026, 8, 1));
        var dan = await portal.StaffAsync(health, "Dan Dixon", "G1", frontline: true, new DateOnly(2026, 10, 5));
        eve = await portal.StaffAsync(health, "Eve Evans", "G2", frontline: false, LongAgo);
        await portal.StaffAsync(police, "Eve Evans", "G1", frontline: true, LongAgo, email: await portal.EmailOfAsync(eve));
        fay = await portal.StaffWithAccountAsync(police, "Fay Fisher", "G3", frontline: true, LongAgo);
        var gus = await portal.StaffWithAccountAsync(police, "Gus Grant", "G1", frontline: false, LongAgo);
        var hal = await portal.StaffWithAccountAsync(police, "Hal Hughes", "G1", frontline: false, LongAgo);

        await portal.CompletedAsync(ann, "NEG-BASIC", new DateOnly(2025, 11, 10));
        await portal.CompletedAsync(ann, "NEG-ADV", new DateOnly(2026, 5, 5));
        await portal.CompletedAsync(ben, "NEG-BASIC", new DateOnly(2026, 6, 20));
        await portal.CompletedAsync(ben, "THRESH", new DateOnly(2026, 6, 21));
        await portal.CompletedAsync(cat, "NEG-BASIC", new DateOnly(2026, 5, 1));
        await portal.CompletedAsync(dan, "NEG-BASIC", new DateOnly(2026, 9, 1));
        await portal.CompletedAsync(eve, "GCP2-PRAC", new DateOnly(2026, 7, 1));
        await portal.CompletedAsync(fay, "GCP2-PRAC", new DateOnly(2025, 1, 10));
        await portal.CompletedAsync(fay, "GCP2-TTT", new DateOnly(2025, 2, 10));
        await portal.CompletedAsync(fay, "NEG-BASIC", new DateOnly(2025, 6, 1));
        await portal.CompletedAsync(gus, "NEG-BASIC", new DateOnly(2025, 12, 1));
        await portal.CompletedAsync(hal, "NEG-BASIC", new DateOnly(2025, 12, 1));

        // Monday 15 June 2026 (in the period) and Friday 9 October 2026 (after it).
        var june = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 14);
        var october = await portal.ScheduleAsync("NEG-ADOL", daysAhead: 130);
        var annPlace = await portal.BookAsync(ann, june);
        var fayPlace = await portal.BookAsync(fay, june);
        var gusPlace = await portal.BookAsync(gus, june);
        var halPlace = await portal.BookAsync(hal, june);
        await portal.BookAsync(ann, october);
        await portal.CancelAsync(hal, halPlace);
        // The recipe's late-cancellation window is 48 hours.
        portal.MoveTo(june.StartsAtUtc.AddHours(-47));
        await portal.CancelAsync(gus, gusPlace);
        await portal.RegisterAsync(june, new Dictionary<Guid, AttendanceMark> { [annPlace] = AttendanceMark.Attended, [fayPlace] = AttendanceMark.DidNotAttend });

        await ChampionsAsync(ben, cat, gus, hal);
    }

    /// <summary>The champion register, guide library and briefing logs, written straight to their tables.</summary>
    private Task ChampionsAsync(StaffMember ben, StaffMember cat, StaffMember gus, StaffMember hal) => portal.As(portal.Coordinator, async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var (health, police, author) = (portal.Health, portal.Police, portal.Coordinator.UserId);
        Champion Champion(Guid agencyId, StaffMember member, SpellStatus status, DateOnly start, DateOnly? end) => new()
        {
            Id = Guid.NewGuid(), AgencyId = agencyId, PractitionerId = member.PractitionerId, AreaOfInterest = "Neglect in adolescence",
            Spells = [new ChampionSpell { Id = Guid.NewGuid(), Status = status, StartDate = start, EndDate = end }],
        };
        db.AddRange(
            Champion(health, ann, SpellStatus.Active, new DateOnly(2025, 1, 1), null),
            Champion(health, ben, SpellStatus.SteppedDown, new DateOnly(2025, 6, 1), new DateOnly(2026, 7, 1)),
            Champion(health, eve, SpellStatus.Active, new DateOnly(2026, 2, 1), null),
            Champion(police, eve, SpellStatus.SteppedDown, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)),
            Champion(police, fay, SpellStatus.Active, new DateOnly(2026, 10, 1), null),
            Champion(police, gus, SpellStatus.Nominated, new DateOnly(2026, 1, 1), null),
            Champion(police, hal, SpellStatus.Declined, new DateOnly(2026, 1, 1), null));

        var number = 0;
        SevenMinuteGuide Guide(params (GuideVersionStatus Status, DateTime? PublishedAt)[] versions)
        {
            var guide = new SevenMinuteGuide { Id = Guid.NewGuid(), Number = ++number, AuthorUserId = author };
            guide.Versions = versions.Select((v, i) => new GuideVersion
            {
                Id = Guid.NewGuid(), GuideId = guide.Id, Number = i + 1, Status = v.Status, Title = $"Guide {number}", PublishedAt = v.PublishedAt,
            }).ToList();
            return guide;
        }
        var briefed = Guide((GuideVersionStatus.Superseded, new DateTime(2026, 5, 10, 9, 0, 0)), (GuideVersionStatus.Published, new DateTime(2026, 8, 1, 9, 0, 0)));
        db.AddRange(
            briefed,
            Guide((GuideVersionStatus.Published, new DateTime(2026, 3, 31, 23, 30, 0))),
            Guide((GuideVersionStatus.Superseded, new DateTime(2026, 1, 15, 9, 0, 0)), (GuideVersionStatus.Published, new DateTime(2026, 6, 1, 9, 0, 0))),
            Guide((GuideVersionStatus.Published, new DateTime(2026, 9, 30, 23, 30, 0))),
            Guide((GuideVersionStatus.Published, new DateTime(2026, 10, 15, 9, 0, 0))),
            Guide((GuideVersionStatus.Draft, null)));

        BriefingLog Log(Guid agencyId, DateOnly deliveredOn, params object[] attendees) => new()
        {
            Id = Guid.NewGuid(), GuideId = briefed.Id, GuideVersionId = briefed.Versions[0].Id, AgencyId = agencyId, Team = "Duty team",
            DeliveredOn = deliveredOn, DeliveredBy = "Ann Archer", RecordedByUserId = author,
            Attendees = attendees.Select(a => a is StaffMember member
                ? new BriefingAttendee { Id = Guid.NewGuid(), PractitionerId = member.PractitionerId, Name = member.Name }
                : new BriefingAttendee { Id = Guid.NewGuid(), Name = (string)a }).ToList(),
        };
        db.AddRange(
            Log(health, new DateOnly(2026, 5, 20), ann, ben, "Zoe Visitor"),
            Log(health, new DateOnly(2026, 7, 10), ann, eve, "Zoe Visitor"),
            Log(health, new DateOnly(2026, 3, 20), cat),
            Log(police, new DateOnly(2026, 6, 5), eve, fay),
            Log(police, new DateOnly(2026, 10, 2), gus));
        await db.SaveChangesAsync();
    });

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task The_partnership_report_comes_first_under_the_partnership_name_then_each_agency_by_name()
    {
        var reports = await portal.AllReportsAsync(Period);

        Assert.Equal([null, portal.Health, portal.Police], reports.Select(r => r.AgencyId));
        Assert.Equal([portal.PartnershipName, "Northshire Community Health", "Northshire Police"], reports.Select(r => r.Title));
        Assert.All(reports, r => Assert.Equal(("April to September 2026", Period.Start, Period.End), (r.PeriodName, r.PeriodStart, r.PeriodEnd)));
        // Nobody here was asked to evaluate their training: every report keeps the section, empty.
        Assert.All(reports, r => Assert.Equal((0, 0, 0), (r.Evaluation!.Asked, r.Evaluation.Responses, r.Evaluation.FollowUpsReturned)));
    }

    [Fact]
    public async Task Headcount_is_the_staff_on_the_last_day_leaving_out_those_who_left_before_it_and_those_who_start_after_it()
    {
        var health = await portal.AgencyReportAsync(Period, portal.Health);
        var police = await portal.AgencyReportAsync(Period, portal.Police);

        // Ann, Ben, Eve (Cat left in August, Dan starts in October); only Ann is frontline.
        Assert.Equal((3, 1), (health.Headcount, health.FrontlineHeadcount));
        Assert.Equal((4, 2), (police.Headcount, police.FrontlineHeadcount));
    }

    [Fact]
    public async Task The_partnership_counts_a_person_who_works_for_two_agencies_once()
    {
        var partnership = (await portal.AllReportsAsync(Period))[0];

        // Seven memberships, six people: Eve works for both, and is frontline through the police.
        Assert.Equal((6, 3), (partnership.Headcount, partnership.FrontlineHeadcount));
        Assert.Equal((4, 3), (partnership.PeopleTrained, partnership.FrontlinePeopleTrained));
        Assert.Equal((2, 1), (partnership.Gcp2Practitioners, partnership.Gcp2Trainers));
        Assert.Equal(("Graded Care Profile 2 practitioner", 1, 0),
            partnership.TrainedByCourse.Where(c => c.CourseCode == "GCP2-PRAC").Select(c => (c.CourseTitle, c.Frontline, c.NotFrontline)).Single());
        Assert.Equal([("Awareness", 0, 0), ("Basic", 1, 1), ("Advanced", 1, 0), ("Specialist", 1, 0)],
            partnership.TrainedByLevel.Select(l => (l.Level, l.Frontline, l.NotFrontline)));
    }

    [Fact]
    public async Task People_trained_are_different_people_who_completed_training_in_the_period_while_members_leavers_included()
    {
        var health = await portal.AgencyReportAsync(Period, portal.Health);
        var police = await portal.AgencyReportAsync(Period, portal.Police);

        // Ann (twice), Ben (twice), Cat before she left, Eve; not Dan, who completed before he joined.
        Assert.Equal((4, 2), (health.PeopleTrained, health.FrontlinePeopleTrained));
        Assert.Equal((1, 1), (police.PeopleTrained, police.FrontlinePeopleTrained));
    }

    [Fact]
    public async Task Training_is_counted_by_course_and_by_level_with_the_frontline_flag_of_the_agency_membership()
    {
        var health = await portal.AgencyReportAsync(Period, portal.Health);
        var police = await portal.AgencyReportAsync(Period, portal.Police);

        Assert.Equal(
        [
            ("NEG-BASIC", "Neglect basic awareness", "Basic", 1, 1),
            ("THRESH", "Thresholds and levels of need", "Basic", 0, 1),
            ("NEG-ADOL", "Adolescent neglect", "Advanced", 1, 0),
            ("NEG-ADV", "Neglect advanced multi-agency practice", "Advanced", 1, 0),
            ("GCP2-PRAC", "Graded Care Profile 2 practitioner", "Specialist", 0, 1),
        ], health.TrainedByCourse.Select(c => (c.CourseCode, c.CourseTitle, c.Level, c.Frontline, c.NotFrontline)));
        // Ben did two basic courses: one person at that level.
        Assert.Equal([("Awareness", 0, 0), ("Basic", 1, 1), ("Advanced", 1, 0), ("Specialist", 0, 1)],
            health.TrainedByLevel.Select(l => (l.Level, l.Frontline, l.NotFrontline)));
        // Eve is frontline in the police and not in health.
        Assert.Equal(("GCP2-PRAC", 1, 0), police.TrainedByCourse.Select(c => (c.CourseCode, c.Frontline, c.NotFrontline)).Single());
    }

    [Fact]
    public async Task Compliance_is_per_requirement_on_the_last_day_with_the_change_since_the_previous_period()
    {
        var reports = await portal.AllReportsAsync(Period);
        var (partnership, health, police) = (reports[0], reports[1], reports[2]);

        Assert.Equal(
        [
            ("Neglect basic training", 2, 0, 0, 1, 66, (int?)25, (int?)41),
            ("Neglect advanced training", 1, 0, 0, 1, 50, 0, 50),
            ("GCP2 practitioner", 0, 0, 0, 0, 0, null, null),
        ], health.Compliance.Select(c => (c.Requirement, c.Met, c.DueSoon, c.Expired, c.Missing, c.PercentCompliant, c.PreviousPercentCompliant, c.Change)));
        Assert.Equal([(75, (int?)0), (0, 0), (100, 0)], police.Compliance.Select(c => (c.PercentCompliant, c.Change)));
        Assert.Equal([(71, (int?)50), (33, 0), (100, 100)], partnership.Compliance.Select(c => (c.PercentCompliant, c.PreviousPercentCompliant)));
    }

    [Fact]
    public async Task Attendance_counts_bookings_on_sessions_in_the_period_against_the_agency_booked_through()
    {
        var reports = await portal.AllReportsAsync(Period);
        var (partnership, health, police) = (reports[0], reports[1], reports[2]);

        // Ann's October place is outside the period.
        Assert.Equal((1, 1, 0, 0, 0, 0m, 0m), Figures(health.Attendance));
        Assert.Equal((3, 0, 1, 1, 1, 100m, 33.3m), Figures(police.Attendance));
        Assert.Equal((4, 1, 1, 1, 1, 50m, 25m), Figures(partnership.Attendance));

        static (int, int, int, int, int, decimal, decimal) Figures(AttendanceFigures a) =>
            (a.Bookings, a.Attended, a.DidNotAttend, a.LateCancelled, a.Cancelled, a.DidNotAttendRate, a.LateCancellationRate);
    }

    [Fact]
    public async Task Gcp2_licences_are_counted_among_each_agencys_staff_at_period_end()
    {
        var health = await portal.AgencyReportAsync(Period, portal.Health);
        var police = await portal.AgencyReportAsync(Period, portal.Police);
        var earlier = await portal.AgencyReportAsync(new ReportingPeriod(new DateOnly(2025, 10, 1), new DateOnly(2026, 3, 31)), portal.Health);

        Assert.Equal((1, 0), (health.Gcp2Practitioners, health.Gcp2Trainers));
        Assert.Equal((2, 1), (police.Gcp2Practitioners, police.Gcp2Trainers));
        // Eve qualified in July 2026.
        Assert.Equal((0, 0), (earlier.Gcp2Practitioners, earlier.Gcp2Trainers));
    }

    [Fact]
    public async Task Champions_briefings_and_people_briefed_are_counted_per_agency_and_once_each_for_the_partnership()
    {
        var reports = await portal.AllReportsAsync(Period);
        var (partnership, health, police) = (reports[0].Champions!, reports[1].Champions!, reports[2].Champions!);

        // Health: Ann and Eve (Ben stepped down in July); 2 briefings; Ann, Ben, Eve once each and Zoe typed in twice.
        Assert.Equal((2, 2, 5, 2), Figures(health));
        // Police: Eve (her spell ends after the period); Fay starts after it, Gus is only nominated and Hal was declined.
        Assert.Equal((1, 1, 2, 2), Figures(police));
        // Eve champions for both agencies and was briefed by both: one person each time.
        Assert.Equal((2, 3, 6, 2), Figures(partnership));
        Assert.Equal(
        [
            new AgencyChampionLine(portal.Health, "Northshire Community Health", 2, 2, 5),
            new AgencyChampionLine(portal.Police, "Northshire Police", 1, 1, 2),
        ], partnership.Agencies);
        Assert.Empty(health.Agencies);

        static (int, int, int, int) Figures(ChampionFigures c) => (c.ActiveChampions, c.Briefings, c.PeopleBriefed, c.GuidesPublished);
    }

    [Fact]
    public async Task Guides_published_count_guides_first_published_in_the_period_by_uk_date_and_not_revisions()
    {
        var earlier = await portal.AgencyReportAsync(new ReportingPeriod(new DateOnly(2025, 10, 1), new DateOnly(2026, 3, 31)), portal.Police);
        var later = await portal.AgencyReportAsync(new ReportingPeriod(new DateOnly(2026, 10, 1), new DateOnly(2027, 3, 31)), portal.Police);

        // The January guide only (its June revision is counted nowhere; 31 March 23:30 UTC is 1 April in the UK).
        Assert.Equal(1, earlier.Champions!.GuidesPublished);
        // 30 September 23:30 UTC is 1 October in the UK, and the guide published on 15 October.
        Assert.Equal(2, later.Champions!.GuidesPublished);
        // Gus was briefed on 2 October; Fay's spell starts on 1 October.
        Assert.Equal((1, 1, 1), (later.Champions.Briefings, later.Champions.PeopleBriefed, later.Champions.ActiveChampions));
    }

    [Fact]
    public async Task The_workbook_shows_the_champion_figures_on_the_summary_and_each_agencys_on_the_champions_sheet()
    {
        var partnership = (await portal.AllReportsAsync(Period))[0];

        using var package = new ExcelPackage(new MemoryStream(new ReportWorkbook().Write(partnership)));

        var summary = package.Workbook.Worksheets[ReportWorkbook.SummarySheet];
        var headlines = Enumerable.Range(6, 14).Where(r => summary.Cells[r, 1].Text.Length > 0)
            .ToDictionary(r => summary.Cells[r, 1].Text, r => summary.Cells[r, 2].Text);
        Assert.Equal("2", headlines["Neglect champions at period end"]);
        Assert.Equal("3", headlines["Briefings delivered in the period"]);
        Assert.Equal("6", headlines["People briefed in the period"]);
        Assert.Equal("2", headlines["Guides published in the period (partnership)"]);
        var sheet = package.Workbook.Worksheets[ReportWorkbook.ChampionsSheet];
        Assert.Equal(["Neglect champions at period end", "2"], Row(sheet, 5));
        Assert.Equal(["Agency", "Champions at period end", "Briefings", "People briefed"], Row(sheet, 11));
        Assert.Equal(["Northshire Community Health", "2", "2", "5"], Row(sheet, 12));
        Assert.Equal(["Northshire Police", "1", "1", "2"], Row(sheet, 13));

        static string[] Row(ExcelWorksheet sheet, int row) =>
            Enumerable.Range(1, 4).Select(c => sheet.Cells[row, c].Text).Where(t => t.Length > 0).ToArray();
    }

    [Fact]
    public async Task The_trend_shows_the_last_four_periods_oldest_first_ending_with_this_one()
    {
        var reports = await portal.AllReportsAsync(Period);
        var (partnership, health, police) = (reports[0], reports[1], reports[2]);

        Assert.Equal(Trend([0, 0, 1, 4], [0, 0, 16, 60]), health.Trend);
        Assert.Equal(Trend([1, 1, 2, 1], [16, 33, 66, 66]), police.Trend);
        Assert.Equal(Trend([1, 1, 3, 4], [8, 16, 41, 63]), partnership.Trend);

        static IEnumerable<TrendPoint> Trend(int[] trained, int[] percentCompliant) =>
            new[] { "Oct 24–Mar 25", "Apr–Sep 2025", "Oct 25–Mar 26", "Apr–Sep 2026" }.Select((period, i) => new TrendPoint(period, trained[i], percentCompliant[i]));
    }

    [Fact]
    public async Task The_partnership_report_has_one_line_of_figures_per_agency_and_no_names()
    {
        var partnership = (await portal.AllReportsAsync(Period))[0];

        Assert.Equal(
        [
            new AgencyLine(portal.Health, "Northshire Community Health", "Health", 3, 1, 4, 2, 60, 0m),
            new AgencyLine(portal.Police, "Northshire Police", "Police", 4, 2, 1, 1, 66, 100m),
        ], partnership.Agencies);
        Assert.Empty(partnership.People);
    }

    [Fact]
    public async Task An_agency_report_names_only_its_own_staff_who_completed_training_in_the_period()
    {
        var reports = await portal.AllReportsAsync(Period);
        var (health, police) = (reports[1], reports[2]);

        Assert.Equal(
        [
            ("Ann Archer", true, "Neglect advanced multi-agency practice", "Advanced", new DateOnly(2026, 5, 5)),
            ("Ann Archer", true, "Adolescent neglect", "Advanced", new DateOnly(2026, 6, 15)),
            ("Ben Baker", false, "Neglect basic awareness", "Basic", new DateOnly(2026, 6, 20)),
            ("Ben Baker", false, "Thresholds and levels of need", "Basic", new DateOnly(2026, 6, 21)),
            ("Cat Carter", true, "Neglect basic awareness", "Basic", new DateOnly(2026, 5, 1)),
            ("Eve Evans", false, "Graded Care Profile 2 practitioner", "Specialist", new DateOnly(2026, 7, 1)),
        ], health.People.Select(p => (p.Name, p.Frontline, p.CourseTitle, p.Level, p.CompletedOn)));
        Assert.All(health.People, p => Assert.StartsWith("E", p.EmployeeReference));
        var named = Assert.Single(police.People);
        Assert.Equal(("Eve Evans", true), (named.Name, named.Frontline));
        Assert.Empty(health.Agencies);
    }

    [Fact]
    public async Task One_agencys_report_on_its_own_is_the_same_as_in_the_full_run()
    {
        var all = await portal.AllReportsAsync(Period);

        var health = await portal.AgencyReportAsync(Period, portal.Health);

        Assert.Equal(Json(all[1]), Json(health));
    }

    [Fact]
    public async Task Re_running_a_past_period_after_later_training_and_staff_changes_gives_the_same_figures()
    {
        var before = await portal.AllReportsAsync(Period);

        portal.MoveTo(new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));
        await portal.CompletedAsync(eve, "NEG-BASIC", new DateOnly(2026, 10, 20));
        await portal.CompletedAsync(fay, "NEG-ADV", new DateOnly(2026, 11, 1));
        await portal.StaffAsync(portal.Health, "Ivy Irwin", "G2", frontline: true);
        await portal.StaffAsync(portal.Police, "Jay James", "G3", frontline: true, new DateOnly(2026, 10, 15));
        var after = await portal.AllReportsAsync(Period);

        Assert.Equal(before.Select(Json), after.Select(Json));
    }

    private static string Json(ReportFigures figures) => JsonSerializer.Serialize(figures);
}

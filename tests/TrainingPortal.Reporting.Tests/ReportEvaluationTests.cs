using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Domain;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Tests;

/// <summary>
/// The evaluation section of the April to September 2026 reports, against a small partnership with known answers
/// (ratings; confidence before → after against each learning outcome answered):
/// <code>
/// Health  Ann  basic 4 May 2026   rating 5  2→4 3→5   follow-up 10 Aug 2026: changed
///         Ben  basic 4 May 2026   rating 4  1→4 2→4   follow-up 10 Aug 2026: changed
///         Cat  basic 4 May 2026   rating 4  2→3 2→4   follow-up 10 Aug 2026: changed (Cat left on 1 Aug 2026)
///         Dan  basic 4 May 2026   rating 3  3→4 3→4   follow-up 10 Aug 2026: not changed
///         Eli  basic 4 May 2026   rating 5  2→5 2→5   follow-up 10 Aug 2026: changed
///         Fin  basic 4 May 2026   not answered
///         Gia  advanced 10 Jun 2026  rating 2  1→3
///         Hugo advanced 10 Jun 2026  not answered
///         Ann  advanced 2 Oct 2026 (after the period)  rating 1  1→1
/// Both    Eve  thresholds 1 Jul 2026  rating 5  3→5 (Health and Police staff)
/// Police  Gus  basic 4 May 2026   rating 1  1→1 1→1   follow-up 5 Oct 2026 (after the period): changed
///         Hal  basic 10 Mar 2026 (before the period)  rating 5  2→4   follow-up 15 Jun 2026: changed
/// </code>
/// Everyone started on 1 January 2024.
/// </summary>
public sealed class ReportEvaluationTests : IAsyncLifetime
{
    private static readonly ReportingPeriod Period = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30));
    private static readonly DateOnly LongAgo = new(2024, 1, 1);
    private static readonly DateOnly May4 = new(2026, 5, 4);

    private ReportingPortal portal = null!;

    public async Task InitializeAsync()
    {
        portal = await ReportingPortal.StartAsync();
        var (health, police) = (portal.Health, portal.Police);
        async Task<StaffMember> Health(string name, DateOnly? leaving = null) => await portal.StaffAsync(health, name, "G1", frontline: true, LongAgo, leaving);
        async Task<StaffMember> Police(string name) => await portal.StaffAsync(police, name, "G1", frontline: true, LongAgo);

        var ann = await Health("Ann Archer");
        var ben = await Health("Ben Baker");
        var cat = await Health("Cat Carter", new DateOnly(2026, 8, 1));
        var dan = await Health("Dan Dixon");
        var eli = await Health("Eli Ellis");
        var fin = await Health("Fin Foster");
        var gia = await Health("Gia Green");
        var hugo = await Health("Hugo Hart");
        var eve = await Health("Eve Evans");
        await portal.StaffAsync(police, "Eve Evans", "G1", frontline: true, LongAgo, email: await portal.EmailOfAsync(eve));
        var gus = await Police("Gus Grant");
        var hal = await Police("Hal Hughes");

        var august = new DateTime(2026, 8, 10, 9, 0, 0, DateTimeKind.Utc);
        await EvaluatedAsync(ann, "NEG-BASIC", May4, 5, [(2, 4), (3, 5)], (august, true));
        await EvaluatedAsync(ben, "NEG-BASIC", May4, 4, [(1, 4), (2, 4)], (august, true));
        await EvaluatedAsync(cat, "NEG-BASIC", May4, 4, [(2, 3), (2, 4)], (august, true));
        await EvaluatedAsync(dan, "NEG-BASIC", May4, 3, [(3, 4), (3, 4)], (august, false));
        await EvaluatedAsync(eli, "NEG-BASIC", May4, 5, [(2, 5), (2, 5)], (august, true));
        await EvaluatedAsync(fin, "NEG-BASIC", May4, null, []);
        await EvaluatedAsync(gia, "NEG-ADV", new DateOnly(2026, 6, 10), 2, [(1, 3)]);
        await EvaluatedAsync(hugo, "NEG-ADV", new DateOnly(2026, 6, 10), null, []);
        await EvaluatedAsync(ann, "NEG-ADV", new DateOnly(2026, 10, 2), 1, [(1, 1)]);
        await EvaluatedAsync(eve, "THRESH", new DateOnly(2026, 7, 1), 5, [(3, 5)]);
        await EvaluatedAsync(gus, "NEG-BASIC", May4, 1, [(1, 1), (1, 1)], (new DateTime(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc), true));
        await EvaluatedAsync(hal, "NEG-BASIC", new DateOnly(2026, 3, 10), 5, [(2, 4)], (new DateTime(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc), true));
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task An_agency_counts_completions_by_its_staff_in_the_period_with_averages_of_the_answers_given()
    {
        var evaluation = (await portal.AgencyReportAsync(Period, portal.Health)).Evaluation!;

        // Ann to Hugo and Eve: nine asked, seven answered; Cat counts, though she has left since.
        Assert.Equal((9, 7, 77.8m), (evaluation.Asked, evaluation.Responses, evaluation.ResponseRate));
        Assert.False(evaluation.Withheld);
        Assert.Equal(4.0m, evaluation.AverageRating);
        // Twelve outcomes answered: 26 before, 50 after.
        Assert.Equal((2.2m, 4.2m, 2.0m), (evaluation.ConfidenceBefore, evaluation.ConfidenceAfter, evaluation.ConfidenceChange));
        Assert.Equal((5, 4, 80.0m), (evaluation.FollowUpsReturned, evaluation.PracticeChanged, evaluation.PracticeChangedShare));
    }

    [Fact]
    public async Task An_agency_report_gives_no_figures_for_a_course_fewer_than_five_people_answered_about()
    {
        var courses = (await portal.AgencyReportAsync(Period, portal.Health)).Evaluation!.Courses.ToDictionary(c => c.CourseCode);

        Assert.Equal(["NEG-ADV", "NEG-BASIC", "THRESH"], courses.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new CourseEvaluationLine("NEG-BASIC", "Neglect basic awareness", 6, 5, 4.2m, 2.2m, 4.2m), courses["NEG-BASIC"]);
        Assert.Equal(new CourseEvaluationLine("NEG-ADV", "Neglect advanced multi-agency practice", 2, null, null, null, null), courses["NEG-ADV"]);
        Assert.True(courses["THRESH"].Withheld);
    }

    [Fact]
    public async Task An_agency_with_fewer_than_five_responses_or_follow_ups_shows_neither_averages_nor_the_follow_up_answer()
    {
        var evaluation = (await portal.AgencyReportAsync(Period, portal.Police)).Evaluation!;

        // Eve (also Police staff) and Gus; Hal's completion was before the period, his follow-up in it.
        Assert.Equal((2, 2, true), (evaluation.Asked, evaluation.Responses, evaluation.Withheld));
        Assert.Null(evaluation.AverageRating);
        Assert.Null(evaluation.ConfidenceBefore);
        Assert.Equal((1, (int?)null), (evaluation.FollowUpsReturned, evaluation.PracticeChanged));
        Assert.All(evaluation.Courses, c => Assert.True(c.Withheld));
    }

    [Fact]
    public async Task The_partnership_counts_each_completion_once_and_shows_every_course()
    {
        var evaluation = (await portal.AllReportsAsync(Period))[0].Evaluation!;

        Assert.Equal((10, 8, 80.0m), (evaluation.Asked, evaluation.Responses, evaluation.ResponseRate));
        Assert.Equal(3.6m, evaluation.AverageRating);
        Assert.Equal((2.0m, 3.7m), (evaluation.ConfidenceBefore, evaluation.ConfidenceAfter));
        Assert.Equal((6, 5, 83.3m), (evaluation.FollowUpsReturned, evaluation.PracticeChanged, evaluation.PracticeChangedShare));
        Assert.Equal(
            new[]
            {
                new CourseEvaluationLine("NEG-ADV", "Neglect advanced multi-agency practice", 2, 1, 2.0m, 1.0m, 3.0m),
                new CourseEvaluationLine("NEG-BASIC", "Neglect basic awareness", 7, 6, 3.7m, 2.0m, 3.7m),
                new CourseEvaluationLine("THRESH", "Thresholds and levels of need", 1, 1, 5.0m, 3.0m, 5.0m),
            },
            evaluation.Courses);
    }

    [Fact]
    public async Task The_workbook_and_the_archive_keep_the_evaluation_figures_as_calculated()
    {
        var figures = await portal.AgencyReportAsync(Period, portal.Health);

        var archived = ReportFiguresJson.Deserialize(ReportFiguresJson.Serialize(figures));
        using var package = new ExcelPackage(new MemoryStream(new ReportWorkbook().Write(figures)));
        var sheet = package.Workbook.Worksheets[ReportWorkbook.EvaluationSheet];
        var rows = Enumerable.Range(1, sheet.Dimension.End.Row).Where(row => sheet.Cells[row, 1].Text != "").ToDictionary(row => sheet.Cells[row, 1].Text, row => row);

        Assert.Equal(figures.Evaluation! with { Courses = [] }, archived.Evaluation! with { Courses = [] });
        Assert.Equal(figures.Evaluation.Courses, archived.Evaluation.Courses);
        Assert.Equal("7", sheet.Cells[rows["Evaluation responses"], 2].Text);
        Assert.Equal("4.0", sheet.Cells[rows["Average rating (1 to 5)"], 2].Text);
        Assert.Equal("80.0", sheet.Cells[rows["Follow-ups reporting changed practice (%)"], 2].Text);
        Assert.Equal(["6", "5", "83.3", "4.2", "2.2", "4.2", "2.0"],
            Enumerable.Range(3, 7).Select(column => sheet.Cells[rows["Neglect basic awareness"], column].Text));
        Assert.Equal("Fewer than 5 responses", sheet.Cells[rows["Neglect advanced multi-agency practice"], 4].Text);
    }

    /// <summary>
    /// A completion asked about, written straight to the evaluation tables as the invitation job and the forms would:
    /// the request, the answers when there are any, and the follow-up answered at the time given.
    /// </summary>
    private Task EvaluatedAsync(StaffMember member, string courseCode, DateOnly completedOn, int? rating, (int Before, int After)[] outcomes,
        (DateTime AnsweredAt, bool Changed)? followUp = null) => portal.As(portal.Coordinator, async s =>
    {
        await portal.CompletedAsync(member, courseCode, completedOn);
        var db = s.GetRequiredService<PortalDbContext>();
        var record = await db.Set<TrainingRecord>().AsNoTracking()
            .SingleAsync(r => r.PractitionerId == member.PractitionerId && r.CompletedOn == completedOn && db.Set<Course>().Any(c => c.Id == r.CourseId && c.Code == courseCode));
        var requestedAt = completedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var request = new EvaluationRequest
        {
            Id = Guid.NewGuid(), TrainingRecordId = record.Id, PractitionerId = member.PractitionerId, CourseId = record.CourseId,
            CourseVersionId = record.CourseVersionId, CompletedOn = completedOn, Source = TrainingSource.ELearning, RequestedAt = requestedAt,
        };
        if (rating is { } given)
        {
            request.AnsweredAt = requestedAt.AddDays(1);
            request.Response = new EvaluationResponse
            {
                RequestId = request.Id, OverallRating = given, SubmittedAt = requestedAt.AddDays(1), DoingDifferently = "Ask about home conditions sooner",
                Outcomes = outcomes.Select((o, i) => new OutcomeConfidence { RequestId = request.Id, OutcomeNumber = i + 1, Outcome = $"Outcome {i + 1}", Before = o.Before, After = o.After }).ToList(),
            };
        }
        if (followUp is { } answered)
        {
            request.FollowUp = new FollowUp
            {
                RequestId = request.Id, DueOn = completedOn.AddMonths(3), Status = FollowUpStatus.Answered, CreatedAt = answered.AnsweredAt.AddDays(-2),
                AnsweredAt = answered.AnsweredAt, PracticeChange = answered.Changed ? PracticeChange.Changed : PracticeChange.NotChanged,
                Example = answered.Changed ? "We now use a chronology from the first visit" : null, UseFrequency = UseFrequency.Monthly,
            };
        }
        db.Add(request);
        await db.SaveChangesAsync();
    });
}

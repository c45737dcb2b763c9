using TrainingPortal.Reporting.Services;

namespace TrainingPortal.Reporting.Tests;

/// <summary>Report figures built by hand, as the calculator would hand them to the workbook.</summary>
internal static class SampleFigures
{
    public const string Partnership = "Northshire Safeguarding Children Partnership";
    public const string Agency = "Northshire Community Health";

    public static ReportFigures ForPartnership() => Base(Partnership, agencyId: null) with
    {
        Agencies =
        [
            new(Guid.Parse("11111111-1111-1111-1111-111111111111"), Agency, "Health", 6200, 4100, 1450, 1210, 91, 9.8m),
            new(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Northshire Police", "Police", 3100, 2900, 640, 610, 78, 14.2m),
        ],
        Champions = new ChampionFigures
        {
            ActiveChampions = 37, Briefings = 412, PeopleBriefed = 3650, GuidesPublished = 4,
            Agencies =
            [
                new(Guid.Parse("11111111-1111-1111-1111-111111111111"), Agency, 25, 300, 2700),
                new(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Northshire Police", 12, 112, 980),
            ],
        },
    };

    public static ReportFigures ForAgency(int people = 3) => Base(Agency, Guid.Parse("11111111-1111-1111-1111-111111111111")) with
    {
        People = Enumerable.Range(1, people).Select(Person).ToArray(),
    };

    public static NamedCompletion Person(int number) =>
        new($"Person {number:D5}", $"H-{number}", number % 2 == 0 ? "East" : null, number % 3 != 0, "Neglect: basic awareness", "Basic",
            new DateOnly(2026, 4, 1).AddDays(number % 180));

    private static ReportFigures Base(string title, Guid? agencyId) => new()
    {
        PeriodStart = new DateOnly(2026, 4, 1),
        PeriodEnd = new DateOnly(2026, 9, 30),
        PeriodName = "April to September 2026",
        AgencyId = agencyId,
        Title = title,
        Headcount = 12480,
        FrontlineHeadcount = 9310,
        PeopleTrained = 2745,
        FrontlinePeopleTrained = 2330,
        TrainedByCourse =
        [
            new("NEG-101", "Neglect: basic awareness", "Basic", 1500, 320),
            new("NEG-201", "Neglect: advanced practice", "Advanced", 640, 45),
            new("GCP2-P", "Graded Care Profile 2 practitioner", "Specialist", 190, 0),
        ],
        TrainedByLevel =
        [
            new("Awareness", 210, 120),
            new("Basic", 1500, 320),
            new("Advanced", 640, 45),
            new("Specialist", 190, 0),
        ],
        Compliance =
        [
            new("Neglect basic awareness", Met: 8000, DueSoon: 400, Expired: 600, Missing: 1000, PreviousPercentCompliant: 79),
            new("Neglect advanced practice", Met: 3000, DueSoon: 150, Expired: 350, Missing: 1500, PreviousPercentCompliant: null),
        ],
        Attendance = new AttendanceFigures { Bookings = 1600, Attended = 1260, DidNotAttend = 180, LateCancelled = 72, Cancelled = 88 },
        Champions = new ChampionFigures { ActiveChampions = 37, Briefings = 412, PeopleBriefed = 3650, GuidesPublished = 4 },
        Gcp2Practitioners = 412,
        Gcp2Trainers = 9,
        Evaluation = new EvaluationFigures
        {
            Asked = 1240, Responses = 930, AverageRating = 4.3m, ConfidenceBefore = 2.8m, ConfidenceAfter = 4.1m, FollowUpsReturned = 210, PracticeChanged = 164,
            Courses =
            [
                new("GCP2-P", "Graded Care Profile 2 practitioner", 40, null, null, null, null),
                new("NEG-201", "Neglect: advanced practice", 300, 226, 4.5m, 2.5m, 4.2m),
                new("NEG-101", "Neglect: basic awareness", 900, 700, 4.2m, 2.9m, 4.1m),
            ],
        },
        Trend =
        [
            new("Oct 2024–Mar 2025", 1900, 68),
            new("Apr–Sep 2025", 2210, 72),
            new("Oct 2025–Mar 2026", 2480, 79),
            new("Apr–Sep 2026", 2745, 84),
        ],
    };
}

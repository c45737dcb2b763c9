namespace TrainingPortal.Reporting.Services;

/// <summary>
/// Everything one bi-annual report says, for one agency or the whole partnership, as the data stood in the period.
/// The workbook, the on-screen page and the archive (as JSON) are all drawn from this one record.
/// </summary>
public sealed record ReportFigures
{
    public required DateOnly PeriodStart { get; init; }

    public required DateOnly PeriodEnd { get; init; }

    /// <summary>"April to September 2026".</summary>
    public required string PeriodName { get; init; }

    /// <summary>Null for the partnership report.</summary>
    public Guid? AgencyId { get; init; }

    /// <summary>The agency's name, or the partnership's.</summary>
    public required string Title { get; init; }

    /// <summary>Current staff on the last day of the period, and how many of them are frontline.</summary>
    public int Headcount { get; init; }

    public int FrontlineHeadcount { get; init; }

    /// <summary>Different people (with a membership counted for this report) who completed any training in the period.</summary>
    public int PeopleTrained { get; init; }

    public int FrontlinePeopleTrained { get; init; }

    /// <summary>Different people who completed each course in the period, frontline and not.</summary>
    public IReadOnlyList<TrainedByCourse> TrainedByCourse { get; init; } = [];

    /// <summary>People trained in the period per course level (Awareness, Basic, Advanced, Specialist), frontline and not.</summary>
    public IReadOnlyList<TrainedByLevel> TrainedByLevel { get; init; } = [];

    /// <summary>Compliance per requirement on the last day of the period, with the previous period's percentage for the change.</summary>
    public IReadOnlyList<RequirementCompliance> Compliance { get; init; } = [];

    /// <summary>Bookings on sessions that ran in the period and what became of them.</summary>
    public AttendanceFigures Attendance { get; init; } = new();

    /// <summary>Champions at period end, briefings in the period and guides published in it; null in reports archived before these were kept.</summary>
    public ChampionFigures? Champions { get; init; }

    /// <summary>Staff licensed to use GCP2 (completed the practitioner course) and to teach it (train-the-trainer), by period end.</summary>
    public int Gcp2Practitioners { get; init; }

    public int Gcp2Trainers { get; init; }

    /// <summary>What practitioners said about the training completed in the period and the follow-ups returned in it; null in reports archived before these were kept.</summary>
    public EvaluationFigures? Evaluation { get; init; }

    /// <summary>The last four periods, oldest first, ending with this one: people trained and percentage compliant.</summary>
    public IReadOnlyList<TrendPoint> Trend { get; init; } = [];

    /// <summary>Partnership report only: one line per agency (figures only, no names).</summary>
    public IReadOnlyList<AgencyLine> Agencies { get; init; } = [];

    /// <summary>Agency report only: the agency's own staff who completed training in the period, by name.</summary>
    public IReadOnlyList<NamedCompletion> People { get; init; } = [];
}

public sealed record TrainedByCourse(string CourseCode, string CourseTitle, string Level, int Frontline, int NotFrontline)
{
    public int Total => Frontline + NotFrontline;
}

public sealed record TrainedByLevel(string Level, int Frontline, int NotFrontline)
{
    public int Total => Frontline + NotFrontline;
}

public sealed record RequirementCompliance(string Requirement, int Met, int DueSoon, int Expired, int Missing, int? PreviousPercentCompliant)
{
    public int Total => Met + DueSoon + Expired + Missing;

    /// <summary>Met or due soon, as a whole percentage rounded down.</summary>
    public int PercentCompliant => Total == 0 ? 0 : (Met + DueSoon) * 100 / Total;

    /// <summary>Percentage points since the previous period; null when there is nothing to compare with.</summary>
    public int? Change => PreviousPercentCompliant is { } previous ? PercentCompliant - previous : null;
}

/// <summary>Places on sessions that started in the period, by what happened to them.</summary>
public sealed record AttendanceFigures
{
    public int Bookings { get; init; }

    public int Attended { get; init; }

    public int DidNotAttend { get; init; }

    public int LateCancelled { get; init; }

    public int Cancelled { get; init; }

    /// <summary>Did not attend as a percentage of places that should have been used (attended + did not attend), one decimal place.</summary>
    public decimal DidNotAttendRate => Attended + DidNotAttend == 0 ? 0 : Math.Round(DidNotAttend * 100m / (Attended + DidNotAttend), 1);

    /// <summary>Late cancellations as a percentage of bookings, one decimal place.</summary>
    public decimal LateCancellationRate => Bookings == 0 ? 0 : Math.Round(LateCancelled * 100m / Bookings, 1);
}

/// <summary>
/// The champions section: approved champions on the period's last day, briefings delivered in the period (by the agency
/// of the team briefed) and the people on them, and the guides that entered the library in the period.
/// </summary>
public sealed record ChampionFigures
{
    /// <summary>Champions whose spell on the register covered the last day of the period; the partnership counts a person once.</summary>
    public int ActiveChampions { get; init; }

    /// <summary>Briefing logs of briefings delivered in the period.</summary>
    public int Briefings { get; init; }

    /// <summary>Different practitioners on those briefings (once however many they attended), plus each name typed in.</summary>
    public int PeopleBriefed { get; init; }

    /// <summary>Partnership-wide, on every report: guides whose first version was published in the period (revisions are not counted).</summary>
    public int GuidesPublished { get; init; }

    /// <summary>Partnership report only: one line per agency.</summary>
    public IReadOnlyList<AgencyChampionLine> Agencies { get; init; } = [];
}

public sealed record AgencyChampionLine(Guid AgencyId, string Agency, int ActiveChampions, int Briefings, int PeopleBriefed);

/// <summary>
/// The evaluation section: completions in the period that their practitioners were asked to evaluate and what they said,
/// and the follow-ups returned in the period (whenever the training was). A completion counts for the agencies the person
/// was in post with on the day; the partnership counts it once. An agency's report goes to its safeguarding leads, so
/// nothing there says what a group of fewer than five said: such a course line, the totals' averages or the follow-ups'
/// answer are withheld (null) and read "Fewer than 5 responses".
/// </summary>
public sealed record EvaluationFigures
{
    /// <summary>Completions in the period asked about.</summary>
    public int Asked { get; init; }

    public int Responses { get; init; }

    /// <summary>Responses as a percentage of completions asked about, one decimal place.</summary>
    public decimal ResponseRate => Asked == 0 ? 0 : Math.Round(Responses * 100m / Asked, 1, MidpointRounding.AwayFromZero);

    /// <summary>Average overall rating, 1 to 5; null without responses or when withheld.</summary>
    public decimal? AverageRating { get; init; }

    /// <summary>Average confidence across every learning outcome answered, 1 to 5; null without answers or when withheld.</summary>
    public decimal? ConfidenceBefore { get; init; }

    public decimal? ConfidenceAfter { get; init; }

    public decimal? ConfidenceChange => ConfidenceAfter - ConfidenceBefore;

    /// <summary>Agency reports: fewer than five responded, so the averages are not given.</summary>
    public bool Withheld { get; init; }

    /// <summary>Follow-ups answered in the period.</summary>
    public int FollowUpsReturned { get; init; }

    /// <summary>Of those, how many said practice had changed; null when withheld (agency reports, fewer than five returned).</summary>
    public int? PracticeChanged { get; init; }

    /// <summary>Practice changed as a percentage of follow-ups returned, one decimal place; null when withheld.</summary>
    public decimal? PracticeChangedShare => PracticeChanged is not { } changed ? null
        : FollowUpsReturned == 0 ? 0 : Math.Round(changed * 100m / FollowUpsReturned, 1, MidpointRounding.AwayFromZero);

    /// <summary>One line per course with completions asked about in the period, by title.</summary>
    public IReadOnlyList<CourseEvaluationLine> Courses { get; init; } = [];
}

/// <summary>A course's evaluation in the period. <see cref="Responses"/> and the averages are null when withheld (agency reports, fewer than five).</summary>
public sealed record CourseEvaluationLine(
    string CourseCode, string CourseTitle, int Asked, int? Responses, decimal? AverageRating, decimal? ConfidenceBefore, decimal? ConfidenceAfter)
{
    public bool Withheld => Responses is null;

    public decimal? ResponseRate => Responses is not { } responses ? null
        : Asked == 0 ? 0 : Math.Round(responses * 100m / Asked, 1, MidpointRounding.AwayFromZero);

    public decimal? ConfidenceChange => ConfidenceAfter - ConfidenceBefore;
}

public sealed record TrendPoint(string Period, int PeopleTrained, int PercentCompliant);

public sealed record AgencyLine(Guid AgencyId, string Agency, string Sector, int Headcount, int FrontlineHeadcount, int PeopleTrained, int FrontlinePeopleTrained, int PercentCompliant, decimal DidNotAttendRate);

public sealed record NamedCompletion(string Name, string? EmployeeReference, string? Team, bool Frontline, string CourseTitle, string Level, DateOnly CompletedOn);

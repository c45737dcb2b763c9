using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core.Paging;
using TrainingPortal.Data;
using TrainingPortal.Evaluation.Domain;

namespace TrainingPortal.Evaluation.Services;

/// <summary>What a group of completions (a course, a version, an agency, the partnership) said straight after the training.</summary>
public sealed record RatingFigures
{
    /// <summary>Completions asked about.</summary>
    public int Asked { get; init; }

    public int Responses { get; init; }

    /// <summary>How many gave each overall rating, from 1 (first) to 5 (last).</summary>
    public IReadOnlyList<int> Ratings { get; init; } = new int[EvaluationLimits.HighestRating];

    /// <summary>Null without responses.</summary>
    public decimal? AverageRating { get; init; }

    /// <summary>Average confidence across every learning outcome answered, before and after; null without answers.</summary>
    public decimal? ConfidenceBefore { get; init; }

    public decimal? ConfidenceAfter { get; init; }

    public decimal? ConfidenceChange => ConfidenceAfter - ConfidenceBefore;

    /// <summary>Responses as a percentage of completions asked about, one decimal place.</summary>
    public decimal ResponseRate => Asked == 0 ? 0 : Math.Round(Responses * 100m / Asked, 1, MidpointRounding.AwayFromZero);
}

/// <summary>What the follow-ups months later said.</summary>
public sealed record FollowUpFigures
{
    public int Returned { get; init; }

    /// <summary>Follow-ups that said practice had changed.</summary>
    public int PracticeChanged { get; init; }

    /// <summary>How many answered each <see cref="UseFrequency"/>, in the enum's order.</summary>
    public IReadOnlyList<int> Frequencies { get; init; } = new int[Enum.GetValues<UseFrequency>().Length];

    /// <summary>Practice changed as a percentage of follow-ups returned, one decimal place.</summary>
    public decimal PracticeChangedShare => Returned == 0 ? 0 : Math.Round(PracticeChanged * 100m / Returned, 1, MidpointRounding.AwayFromZero);
}

public sealed record CourseResults(string CourseCode, string CourseTitle, RatingFigures Ratings, FollowUpFigures FollowUps);

/// <summary>The partnership's results: totals and one line per course with completions asked about.</summary>
public sealed record EvaluationOverview(RatingFigures Ratings, FollowUpFigures FollowUps, IReadOnlyList<CourseResults> Courses);

/// <summary>Average confidence against one learning outcome of a version, before and after.</summary>
public sealed record OutcomeResults(int Number, string Outcome, int Answers, decimal Before, decimal After)
{
    public decimal Change => After - Before;
}

public sealed record VersionResults(int Number, string Title, RatingFigures Ratings, IReadOnlyList<OutcomeResults> Outcomes, FollowUpFigures FollowUps);

/// <summary>What someone said they will do differently: no name, only the version and when.</summary>
public sealed record EvaluationComment(int VersionNumber, DateTime SubmittedAt, string Text);

/// <summary>An example of changed practice from a follow-up: no name, only the version and when.</summary>
public sealed record PracticeExample(int VersionNumber, DateTime AnsweredAt, string Text);

/// <summary>One course for the training unit: totals, each version, the comments (paged) and the latest examples of changed practice.</summary>
public sealed record CourseEvaluation(
    string CourseCode, string CourseTitle, RatingFigures Ratings, FollowUpFigures FollowUps, IReadOnlyList<VersionResults> Versions,
    PagedList<EvaluationComment> Comments, IReadOnlyList<PracticeExample> Examples, int ExampleCount);

/// <summary>A course in an agency's results; figures null where fewer than five responded (or returned follow-ups).</summary>
public sealed record AgencyCourseLine(string CourseCode, string CourseTitle, RatingFigures? Ratings, FollowUpFigures? FollowUps);

/// <summary>An agency's results as its safeguarding lead sees them: totals only, nothing for groups under five.</summary>
public sealed record AgencyEvaluation(Guid AgencyId, string AgencyName, RatingFigures? Ratings, FollowUpFigures? FollowUps, IReadOnlyList<AgencyCourseLine> Courses, bool AnyAsked);

public sealed record AgencyChoice(Guid Id, string Name);

/// <summary>
/// Evaluation results, counted in the database a version at a time (completions asked, ratings, confidence sums,
/// follow-up answers) and added up here for courses, agencies and the partnership, so nothing grows with the responses
/// but the comments, which are paged. The training unit sees every course and version with comments; a safeguarding lead
/// sees only their own agencies' totals, with nothing for a group of fewer than
/// <see cref="EvaluationLimits.SmallestGroupShownToLeads"/> responses; the board sees the partnership's totals.
/// </summary>
public sealed class EvaluationResults(PortalDbContext db, AgencyScope scope)
{
    public const int CommentsPageSize = 25;

    public const int ExamplesShown = 25;

    /// <summary>The partnership's totals and each course's, for the training unit and the board (no comments).</summary>
    public async Task<EvaluationOverview> PartnershipAsync(CancellationToken cancellationToken = default)
    {
        var tallies = await TalliesAsync(db.EvaluationsAsked(), db.ConfidenceAnswers(), db.FollowUpsReturned(), cancellationToken);
        var courses = tallies.CourseLines
            .Select(c => new CourseResults(c.Code, c.Title, tallies.Ratings(v => v.CourseId == c.Id), tallies.FollowUps(v => v.CourseId == c.Id)))
            .ToList();
        return new EvaluationOverview(tallies.Ratings(_ => true), tallies.FollowUps(_ => true), courses);
    }

    /// <summary>One course by code for the training unit: each version with its outcomes, the comments and examples; null for no such course.</summary>
    public async Task<CourseEvaluation?> CourseAsync(string courseCode, int page, CancellationToken cancellationToken = default)
    {
        var course = await db.AllCourses().Where(c => c.Code == courseCode).Select(c => new { c.Id, c.Code }).SingleOrDefaultAsync(cancellationToken);
        if (course is null)
        {
            return null;
        }
        var title = await db.AllCourseVersions().Where(v => v.CourseId == course.Id).OrderByDescending(v => v.Number).Select(v => v.Title).FirstAsync(cancellationToken);
        var tallies = await TalliesAsync(
            db.EvaluationsAsked().Where(r => r.CourseId == course.Id),
            db.ConfidenceAnswers().Where(a => a.CourseId == course.Id),
            db.FollowUpsReturned().Where(f => f.CourseId == course.Id), cancellationToken);
        var versions = tallies.Versions.Values.OrderByDescending(v => v.Number).Select(v => new VersionResults(
            v.Number, v.Title, tallies.Ratings(x => x.Id == v.Id), tallies.Outcomes(v.Id), tallies.FollowUps(x => x.Id == v.Id))).ToList();

        var comments = from r in db.Set<EvaluationRequest>().AsNoTracking()
                       where r.CourseId == course.Id
                       join s in db.Set<EvaluationResponse>() on r.Id equals s.RequestId
                       where s.DoingDifferently != null && s.DoingDifferently != ""
                       join v in db.AllCourseVersions() on r.CourseVersionId equals v.Id
                       select new { v.Number, s.SubmittedAt, Text = s.DoingDifferently! };
        var commentCount = await comments.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (commentCount + CommentsPageSize - 1) / CommentsPageSize);
        page = Math.Clamp(page, 1, pageCount);
        var commentPage = (await comments.OrderByDescending(c => c.SubmittedAt).Skip((page - 1) * CommentsPageSize).Take(CommentsPageSize).ToListAsync(cancellationToken))
            .Select(c => new EvaluationComment(c.Number, c.SubmittedAt, c.Text)).ToList();

        var examples = from r in db.Set<EvaluationRequest>().AsNoTracking()
                       where r.CourseId == course.Id
                       join f in db.Set<FollowUp>() on r.Id equals f.RequestId
                       where f.AnsweredAt != null && f.Example != null && f.Example != ""
                       join v in db.AllCourseVersions() on r.CourseVersionId equals v.Id
                       select new { v.Number, AnsweredAt = f.AnsweredAt!.Value, Text = f.Example! };
        var exampleCount = await examples.CountAsync(cancellationToken);
        var latest = (await examples.OrderByDescending(e => e.AnsweredAt).Take(ExamplesShown).ToListAsync(cancellationToken))
            .Select(e => new PracticeExample(e.Number, e.AnsweredAt, e.Text)).ToList();

        return new CourseEvaluation(course.Code, title, tallies.Ratings(_ => true), tallies.FollowUps(_ => true), versions,
            new PagedList<EvaluationComment>(commentPage, page, CommentsPageSize, commentCount), latest, exampleCount);
    }

    /// <summary>
    /// One agency's totals and courses, for completions by its staff while in post there. Forbidden for an agency the
    /// user may not see (a lead sees the agencies they lead; the training unit every agency), NotFound for none.
    /// </summary>
    public async Task<(Access Access, AgencyEvaluation? Results)> AgencyAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var name = await db.AllAgencies().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return (Access.NotFound, null);
        }
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return (Access.Forbidden, null);
        }
        var requests = db.AgenciesAtCompletion().Where(m => m.AgencyId == agencyId).Select(m => m.Key);
        var tallies = await TalliesAsync(
            db.EvaluationsAsked().Where(r => requests.Contains(r.RequestId)),
            db.ConfidenceAnswers().Where(a => requests.Contains(a.RequestId)),
            db.FollowUpsReturned().Where(f => requests.Contains(f.RequestId)), cancellationToken);
        var courses = tallies.CourseLines
            .Select(c => new AgencyCourseLine(c.Code, c.Title, Shown(tallies.Ratings(v => v.CourseId == c.Id)), Shown(tallies.FollowUps(v => v.CourseId == c.Id))))
            .ToList();
        var totals = tallies.Ratings(_ => true);
        return (Access.Allowed, new AgencyEvaluation(agencyId, name, Shown(totals), Shown(tallies.FollowUps(_ => true)), courses, totals.Asked > 0));
    }

    /// <summary>The active agencies whose results the user may open: every one for the training unit, a lead's own.</summary>
    public async Task<IReadOnlyList<AgencyChoice>> AgenciesAsync(CancellationToken cancellationToken = default) =>
        await (await scope.VisibleAgenciesAsync(cancellationToken)).Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new AgencyChoice(a.Id, a.Name)).ToListAsync(cancellationToken);

    /// <summary>Figures a lead may see: none for a group of fewer than five responses.</summary>
    private static RatingFigures? Shown(RatingFigures figures) =>
        figures.Responses < EvaluationLimits.SmallestGroupShownToLeads ? null : figures;

    private static FollowUpFigures? Shown(FollowUpFigures figures) =>
        figures.Returned < EvaluationLimits.SmallestGroupShownToLeads ? null : figures;

    private async Task<Tallies> TalliesAsync(
        IQueryable<AskedEvaluation> asked, IQueryable<ConfidenceAnswer> confidence, IQueryable<ReturnedFollowUp> followUps, CancellationToken cancellationToken)
    {
        var askedRows = (await asked.GroupBy(r => new { r.CourseVersionId, r.Answered, r.OverallRating })
                .Select(g => new { g.Key.CourseVersionId, g.Key.Answered, g.Key.OverallRating, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new AskedTally(r.CourseVersionId, r.Answered, r.OverallRating, r.Count)).ToList();
        var confidenceRows = (await confidence.GroupBy(a => new { a.CourseVersionId, a.OutcomeNumber })
                .Select(g => new { g.Key.CourseVersionId, g.Key.OutcomeNumber, Outcome = g.Max(a => a.Outcome), Answers = g.Count(), Before = g.Sum(a => a.Before), After = g.Sum(a => a.After) })
                .ToListAsync(cancellationToken))
            .Select(r => new ConfidenceTally(r.CourseVersionId, r.OutcomeNumber, r.Outcome ?? "", r.Answers, r.Before, r.After)).ToList();
        var followUpRows = (await followUps.GroupBy(f => new { f.CourseVersionId, f.PracticeChanged, f.UseFrequency })
                .Select(g => new { g.Key.CourseVersionId, g.Key.PracticeChanged, g.Key.UseFrequency, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(r => new FollowUpTally(r.CourseVersionId, r.PracticeChanged, r.UseFrequency, r.Count)).ToList();

        var versionIds = askedRows.Select(r => r.VersionId).Concat(followUpRows.Select(r => r.VersionId)).Distinct().ToList();
        var versions = await db.AllCourseVersions().Where(v => versionIds.Contains(v.Id))
            .Select(v => new VersionInfo(v.Id, v.CourseId, v.Number, v.Title)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var courseIds = versions.Values.Select(v => v.CourseId).Distinct().ToList();
        var codes = await db.AllCourses().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var titles = await db.AllCourseVersions().Where(v => courseIds.Contains(v.CourseId))
            .GroupBy(v => v.CourseId).Select(g => new { CourseId = g.Key, Number = g.Max(v => v.Number) })
            .Join(db.AllCourseVersions(), l => new { l.CourseId, l.Number }, v => new { v.CourseId, v.Number }, (l, v) => new { l.CourseId, v.Title })
            .ToDictionaryAsync(t => t.CourseId, t => t.Title, cancellationToken);
        var courses = courseIds.Select(id => new CourseInfo(id, codes[id], titles[id]))
            .OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        return new Tallies(askedRows, confidenceRows, followUpRows, versions, courses);
    }

    private sealed record AskedTally(Guid VersionId, bool Answered, int? Rating, int Count);

    private sealed record ConfidenceTally(Guid VersionId, int OutcomeNumber, string Outcome, int Answers, int Before, int After);

    private sealed record FollowUpTally(Guid VersionId, bool PracticeChanged, UseFrequency? UseFrequency, int Count);

    private sealed record VersionInfo(Guid Id, Guid CourseId, int Number, string Title);

    private sealed record CourseInfo(Guid Id, string Code, string Title);

    /// <summary>The counts per version from the database, added up for whichever versions a line covers.</summary>
    private sealed record Tallies(
        IReadOnlyList<AskedTally> Asked, IReadOnlyList<ConfidenceTally> Confidence, IReadOnlyList<FollowUpTally> FollowUpAnswers,
        IReadOnlyDictionary<Guid, VersionInfo> Versions, IReadOnlyList<CourseInfo> CourseLines)
    {
        public RatingFigures Ratings(Func<VersionInfo, bool> covers)
        {
            var asked = Asked.Where(r => covers(Versions[r.VersionId])).ToList();
            var answered = asked.Where(r => r.Answered && r.Rating is not null).ToList();
            var responses = answered.Sum(r => r.Count);
            var confidence = Confidence.Where(c => Versions.TryGetValue(c.VersionId, out var v) && covers(v)).ToList();
            var answers = confidence.Sum(c => c.Answers);
            return new RatingFigures
            {
                Asked = asked.Sum(r => r.Count),
                Responses = responses,
                Ratings = Enumerable.Range(EvaluationLimits.LowestRating, EvaluationLimits.HighestRating)
                    .Select(rating => answered.Where(r => r.Rating == rating).Sum(r => r.Count)).ToArray(),
                AverageRating = responses == 0 ? null : Average(answered.Sum(r => r.Rating!.Value * r.Count), responses),
                ConfidenceBefore = answers == 0 ? null : Average(confidence.Sum(c => c.Before), answers),
                ConfidenceAfter = answers == 0 ? null : Average(confidence.Sum(c => c.After), answers),
            };
        }

        public FollowUpFigures FollowUps(Func<VersionInfo, bool> covers)
        {
            var rows = FollowUpAnswers.Where(f => covers(Versions[f.VersionId])).ToList();
            return new FollowUpFigures
            {
                Returned = rows.Sum(f => f.Count),
                PracticeChanged = rows.Where(f => f.PracticeChanged).Sum(f => f.Count),
                Frequencies = Enum.GetValues<UseFrequency>().Select(u => rows.Where(f => f.UseFrequency == u).Sum(f => f.Count)).ToArray(),
            };
        }

        public IReadOnlyList<OutcomeResults> Outcomes(Guid versionId) =>
            Confidence.Where(c => c.VersionId == versionId).OrderBy(c => c.OutcomeNumber)
                .Select(c => new OutcomeResults(c.OutcomeNumber, c.Outcome, c.Answers, Average(c.Before, c.Answers), Average(c.After, c.Answers)))
                .ToList();

        private static decimal Average(int sum, int count) => Math.Round((decimal)sum / count, 1, MidpointRounding.AwayFromZero);
    }
}

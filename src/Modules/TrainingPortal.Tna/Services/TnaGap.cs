using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Sessions.Services;
using TrainingPortal.Tna.Domain;

namespace TrainingPortal.Tna.Services;

/// <summary>
/// One requirement across the partnership: places needed in the year against places scheduled on its courses (main
/// course and accepted alternatives; cancelled sessions do not count). E-learning needs no places.
/// </summary>
public sealed record CourseGap(Guid RequirementId, string Requirement, string CourseCode, string CourseTitle, bool IsELearning, int Needed, int Places)
{
    /// <summary>Places still to schedule (negative: more scheduled than needed); 0 for e-learning.</summary>
    public int Gap => IsELearning ? 0 : Needed - Places;
}

/// <summary>Where an agency's figures come from.</summary>
public enum TnaAgencyState
{
    Submitted,
    /// <summary>Saved or reopened but not submitted: the computed figures count.</summary>
    Draft,
    /// <summary>Nothing saved: the computed figures count.</summary>
    NotStarted,
}

/// <summary>One agency's places needed per requirement, and whether they are its own submitted figures.</summary>
public sealed record AgencyNeeds(Guid AgencyId, string Agency, string Sector, TnaAgencyState State, DateTime? SubmittedAt, bool MissedDeadline, IReadOnlyDictionary<Guid, int> Needed)
{
    public int Total => Needed.Values.Sum();

    public int For(Guid requirementId) => Needed.GetValueOrDefault(requirementId);
}

/// <summary>One sector's places needed per requirement.</summary>
public sealed record SectorNeeds(string Sector, int Agencies, IReadOnlyDictionary<Guid, int> Needed)
{
    public int Total => Needed.Values.Sum();

    public int For(Guid requirementId) => Needed.GetValueOrDefault(requirementId);
}

/// <summary>The partnership's view of a TNA: the gap per course, and where the need comes from by agency and sector.</summary>
public sealed record TnaPartnershipView(TrainingNeedsAnalysis Analysis, bool IsOpen, IReadOnlyList<CourseGap> Courses, IReadOnlyList<AgencyNeeds> Agencies, IReadOnlyList<SectorNeeds> Sectors)
{
    public int Submitted => Agencies.Count(a => a.State == TnaAgencyState.Submitted);

    public int MissedDeadline => Agencies.Count(a => a.MissedDeadline);
}

/// <summary>
/// Puts the TNA together for the training unit and the board (figures only, no names): each active agency's submitted
/// figures, or its computed ones while it has not submitted (flagged once the deadline has passed), added up per
/// requirement and compared with the places scheduled in the year. Sessions are open to every agency, so the gap in
/// places is the partnership's; agencies and sectors show where the need comes from.
/// </summary>
public sealed class TnaGap(PortalDbContext db, TrainingNeedsCalculator calculator, ComplianceCalculator compliance, TimeProvider clock)
{
    public async Task<TnaPartnershipView?> ForAsync(Guid analysisId, CancellationToken cancellationToken = default)
    {
        var analysis = await db.Set<TrainingNeedsAnalysis>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == analysisId, cancellationToken);
        if (analysis is null)
        {
            return null;
        }
        var today = UkTime.Today(clock);
        var isOpen = analysis.IsOpenOn(today);
        var requirements = (await compliance.RequirementsAsync(cancellationToken)).Where(r => r.MainCourse is not null).ToList();
        var agencies = await db.AllAgencies().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, Sector = a.Sector!.Name }).ToListAsync(cancellationToken);
        var computed = (await calculator.ComputeAsync(analysis.EndsOn, null, cancellationToken)).ToLookup(c => c.AgencyId);
        var submissions = await db.Set<TnaSubmission>().AsNoTracking().Include(s => s.Figures).Include(s => s.Starters).AsSplitQuery()
            .Where(s => s.AnalysisId == analysisId).ToDictionaryAsync(s => s.AgencyId, cancellationToken);
        var places = await db.PlacesPerCourseAsync(analysis.StartsOn, analysis.EndsOn, cancellationToken);

        var agencyNeeds = new List<AgencyNeeds>();
        foreach (var agency in agencies)
        {
            var submission = submissions.GetValueOrDefault(agency.Id);
            var state = submission is null ? TnaAgencyState.NotStarted : submission.Status == TnaSubmissionStatus.Submitted ? TnaAgencyState.Submitted : TnaAgencyState.Draft;
            var live = computed[agency.Id].ToDictionary(c => (c.WorkforceGroupId, c.RequirementId), c => c.Needing);
            var needed = new Dictionary<Guid, int>();
            foreach (var requirement in requirements)
            {
                var total = 0;
                foreach (var group in requirement.WorkforceGroupIds)
                {
                    if (state == TnaAgencyState.Submitted)
                    {
                        // A requirement added after the submission has no submitted figure: the computed one stands in.
                        total += submission!.Figures.FirstOrDefault(f => f.WorkforceGroupId == group && f.RequirementId == requirement.Id)?.Needed
                                 ?? live.GetValueOrDefault((group, requirement.Id));
                        total += submission.Starters.FirstOrDefault(s => s.WorkforceGroupId == group)?.Count ?? 0;
                    }
                    else
                    {
                        total += live.GetValueOrDefault((group, requirement.Id));
                    }
                }
                needed[requirement.Id] = total;
            }
            agencyNeeds.Add(new AgencyNeeds(agency.Id, agency.Name, agency.Sector, state, state == TnaAgencyState.Submitted ? submission!.SubmittedAt : null,
                MissedDeadline: !isOpen && state != TnaAgencyState.Submitted, needed));
        }

        var courses = requirements.Select(r => new CourseGap(r.Id, r.Name, r.MainCourse!.Code, r.MainCourse.Title, r.MainCourse.IsELearning,
                agencyNeeds.Sum(a => a.For(r.Id)), r.Courses.Where(c => !c.IsELearning).Sum(c => places.GetValueOrDefault(c.CourseId))))
            .ToList();
        var sectors = agencyNeeds.GroupBy(a => a.Sector).OrderBy(g => g.Key)
            .Select(g => new SectorNeeds(g.Key, g.Count(), requirements.ToDictionary(r => r.Id, r => g.Sum(a => a.For(r.Id)))))
            .ToList();
        return new TnaPartnershipView(analysis, isOpen, courses, agencyNeeds, sectors);
    }
}

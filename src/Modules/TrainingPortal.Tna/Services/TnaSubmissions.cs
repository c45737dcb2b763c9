using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Services;
using TrainingPortal.Tna.Domain;

namespace TrainingPortal.Tna.Services;

/// <summary>One requirement for one workforce group on an agency's task: computed, and the lead's figure if they changed it.</summary>
public sealed record TnaLine(Guid RequirementId, string Requirement, string CourseTitle, int Computed, int? Adjusted, string? Reason)
{
    public int Needed => Adjusted ?? Computed;
}

/// <summary>One workforce group on an agency's task: its current staff, planned starters and the requirements of the group.</summary>
public sealed record TnaGroupTask(int WorkforceGroupId, string Name, int Staff, int PlannedStarters, IReadOnlyList<TnaLine> Lines)
{
    /// <summary>Places the group needs in the year: each line's figure, and every planned starter for each requirement.</summary>
    public int Places => Lines.Sum(l => l.Needed + PlannedStarters);
}

/// <summary>An agency's task for one TNA: the figures to check, and where the submission stands.</summary>
public sealed record TnaTask(
    TrainingNeedsAnalysis Analysis, Guid AgencyId, string AgencyName, TnaSubmissionStatus? Status, DateTime? SavedAt, DateTime? SubmittedAt,
    string? SubmittedBy, DateTime? ReopenedAt, string? ReopenReason, bool IsOpen, IReadOnlyList<TnaGroupTask> Groups)
{
    public bool IsSubmitted => Status == TnaSubmissionStatus.Submitted;

    public bool CanEdit => IsOpen && !IsSubmitted;

    public int Places => Groups.Sum(g => g.Places);
}

/// <summary>The figures a lead posts: one entry per workforce group, one line per requirement of the group.</summary>
public sealed class TnaInput
{
    public List<TnaGroupInput> Groups { get; set; } = [];

    /// <summary>Ticked to keep figures more than ten times the computed ones.</summary>
    public bool ConfirmLargeFigures { get; set; }
}

public sealed class TnaGroupInput
{
    public int WorkforceGroupId { get; set; }

    /// <summary>Text, so "2.5" or "-1" get a clear error rather than a binding message.</summary>
    public string? PlannedStarters { get; set; }

    public List<TnaLineInput> Lines { get; set; } = [];
}

public sealed class TnaLineInput
{
    public Guid RequirementId { get; set; }

    public string? Needed { get; set; }

    public string? Reason { get; set; }
}

/// <summary>What the training unit enters to reopen a submission.</summary>
public sealed class ReopenInput
{
    public string? Reason { get; set; }
}

/// <summary>
/// An agency's figures for a TNA: its lead (or the training unit) sees them pre-filled from the current staff list,
/// changes any with a reason, adds planned starters, saves and submits them until the deadline; the training unit can
/// reopen a submission. Another agency's lead is refused (<see cref="Access.Forbidden"/>).
/// </summary>
public sealed class TnaSubmissions(
    PortalDbContext db, AgencyScope scope, ICurrentUser currentUser, TrainingNeedsCalculator calculator, ComplianceCalculator compliance,
    TnaMail mail, AuditTrail audit, TimeProvider clock)
{
    public DateOnly Today => UkTime.Today(clock);

    /// <summary>The agency's task, or why the current user may not see it.</summary>
    public async Task<(Access Access, TnaTask? Task)> TaskAsync(Guid analysisId, Guid agencyId, CancellationToken cancellationToken = default)
    {
        var (access, analysis, agencyName) = await CheckAsync(analysisId, agencyId, cancellationToken);
        if (access != Access.Allowed)
        {
            return (access, null);
        }
        var submission = await db.Set<TnaSubmission>().AsNoTracking().Include(s => s.Figures).Include(s => s.Starters).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.AnalysisId == analysisId && s.AgencyId == agencyId, cancellationToken);
        var groups = await GroupsAsync(analysis!, agencyId, submission, cancellationToken);
        var submittedBy = submission?.SubmittedByUserId is { } by
            ? await db.Accounts().Where(u => u.Id == by).Select(u => u.FirstName + " " + u.LastName).SingleOrDefaultAsync(cancellationToken)
            : null;
        return (Access.Allowed, new TnaTask(analysis!, agencyId, agencyName!, submission?.Status, submission?.UpdatedAt, submission?.SubmittedAt, submittedBy,
            submission?.ReopenedAt, submission?.ReopenReason, analysis!.IsOpenOn(Today), groups));
    }

    /// <summary>The form's starting values: each line's figure and reason, each group's planned starters.</summary>
    public static TnaInput InputFor(TnaTask task) => new()
    {
        Groups = task.Groups.Select(g => new TnaGroupInput
        {
            WorkforceGroupId = g.WorkforceGroupId,
            PlannedStarters = g.PlannedStarters.ToString(CultureInfo.InvariantCulture),
            Lines = g.Lines.Select(l => new TnaLineInput { RequirementId = l.RequirementId, Needed = l.Needed.ToString(CultureInfo.InvariantCulture), Reason = l.Reason }).ToList(),
        }).ToList(),
    };

    /// <summary>
    /// Saves the agency's figures, and submits them when <paramref name="submit"/> is set. Refused with field errors:
    /// a missing, negative, non-whole or huge figure, a changed figure without a reason, a figure over ten times the
    /// computed one without confirmation; and as a whole when the TNA has closed or the figures are already submitted.
    /// Nothing is stored unless everything is right.
    /// </summary>
    public async Task<(Access Access, OperationResult Result)> SaveAsync(Guid analysisId, Guid agencyId, TnaInput input, bool submit, CancellationToken cancellationToken = default)
    {
        var (access, analysis, agencyName) = await CheckAsync(analysisId, agencyId, cancellationToken);
        if (access != Access.Allowed)
        {
            return (access, OperationResult.Failed("", "You cannot see this agency's training needs."));
        }
        var today = Today;
        if (!analysis!.IsOpenOn(today))
        {
            return (Access.Allowed, OperationResult.Failed("", $"The training needs analysis closed on {UkTime.FormatDate(analysis.Deadline)}, so the figures can no longer be changed. Ask the training unit if they need correcting."));
        }
        var submission = await db.Set<TnaSubmission>().Include(s => s.Figures).Include(s => s.Starters).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.AnalysisId == analysisId && s.AgencyId == agencyId, cancellationToken);
        if (submission?.Status == TnaSubmissionStatus.Submitted)
        {
            return (Access.Allowed, OperationResult.Failed("", "These figures have already been submitted. Ask the training unit to reopen them if they need changing."));
        }

        var expected = await GroupsAsync(analysis, agencyId, submission: null, cancellationToken);
        var errors = new List<FieldError>();
        var figures = new List<TnaFigure>();
        var starters = new List<TnaPlannedStarters>();
        var covered = 0;
        var seenGroups = new HashSet<int>();
        for (var g = 0; g < input.Groups.Count; g++)
        {
            var posted = input.Groups[g];
            // A group posted twice (a tampered form) counts once, as drawn.
            if (expected.FirstOrDefault(e => e.WorkforceGroupId == posted.WorkforceGroupId) is not { } group || !seenGroups.Add(group.WorkforceGroupId))
            {
                continue;
            }
            var seenLines = new HashSet<Guid>();
            var prefix = $"{nameof(TnaInput.Groups)}[{g}]";
            var count = Whole(posted.PlannedStarters, blankIsZero: true, $"{prefix}.{nameof(TnaGroupInput.PlannedStarters)}", $"Planned starters in {group.Name}", errors);
            starters.Add(new TnaPlannedStarters { WorkforceGroupId = group.WorkforceGroupId, Count = count ?? 0 });
            for (var l = 0; l < posted.Lines.Count; l++)
            {
                var line = posted.Lines[l];
                if (group.Lines.FirstOrDefault(e => e.RequirementId == line.RequirementId) is not { } expectedLine || !seenLines.Add(expectedLine.RequirementId))
                {
                    continue;
                }
                covered++;
                var field = $"{prefix}.{nameof(TnaGroupInput.Lines)}[{l}]";
                var what = $"{expectedLine.Requirement} in {group.Name}";
                var needed = Whole(line.Needed, blankIsZero: false, $"{field}.{nameof(TnaLineInput.Needed)}", $"The number needing {what}", errors);
                var reason = string.IsNullOrWhiteSpace(line.Reason) ? null : line.Reason.Trim();
                if (needed is not { } figure)
                {
                    continue;
                }
                var computed = expectedLine.Computed;
                if (figure != computed && reason is null)
                {
                    errors.Add(new($"{field}.{nameof(TnaLineInput.Reason)}", $"Give a reason for changing the figure for {what} from {computed} to {figure}"));
                }
                else if (reason is { Length: > TnaLimits.ReasonLength })
                {
                    errors.Add(new($"{field}.{nameof(TnaLineInput.Reason)}", $"The reason for {what} must be {TnaLimits.ReasonLength} characters or fewer"));
                }
                if (figure > TnaLimits.ConfirmAbove * Math.Max(computed, 1) && !input.ConfirmLargeFigures)
                {
                    errors.Add(new($"{field}.{nameof(TnaLineInput.Needed)}", $"{figure:N0} for {what} is more than ten times the computed figure ({computed}): check it, then confirm it below"));
                }
                figures.Add(new TnaFigure
                {
                    WorkforceGroupId = group.WorkforceGroupId, RequirementId = expectedLine.RequirementId, Computed = computed,
                    Adjusted = figure == computed ? null : figure, Reason = figure == computed ? null : reason,
                });
            }
        }
        if (errors.Count == 0 && covered < expected.Sum(e => e.Lines.Count))
        {
            errors.Add(new("", "The workforce groups or requirements changed while you were filling in the form. Check the figures below and save again."));
        }
        if (errors.Count > 0)
        {
            return (Access.Allowed, OperationResult.Failed(errors));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (submission is null)
        {
            submission = new TnaSubmission { Id = Guid.NewGuid(), AnalysisId = analysisId, AgencyId = agencyId, Status = TnaSubmissionStatus.Draft };
            db.Set<TnaSubmission>().Add(submission);
        }
        Replace(submission, figures, starters);
        submission.UpdatedAt = now;
        submission.UpdatedByUserId = currentUser.UserId;
        var places = figures.Sum(f => f.Needed) + expected.Sum(g => g.Lines.Count * (starters.FirstOrDefault(s => s.WorkforceGroupId == g.WorkforceGroupId)?.Count ?? 0));
        var adjusted = figures.Count(f => f.Adjusted is not null);
        if (submit)
        {
            submission.Status = TnaSubmissionStatus.Submitted;
            submission.SubmittedAt = now;
            submission.SubmittedByUserId = currentUser.UserId;
            if (currentUser.UserId is { } userId
                && await db.Accounts().Where(u => u.Id == userId && u.Email != null).Select(u => new { u.Email, u.FirstName, u.LastName }).SingleOrDefaultAsync(cancellationToken) is { } me)
            {
                await mail.SubmittedAsync(me.Email!, $"{me.FirstName} {me.LastName}", agencyName!, analysis.Name, places, analysisId, agencyId, cancellationToken);
            }
        }
        audit.Record(submit ? "Training needs submitted" : "Training needs saved", "TnaSubmission", submission.Id,
            $"{agencyName}, {analysis.Name}: {places} places; {adjusted} figures changed; {starters.Sum(s => s.Count)} planned starters");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else saved this agency's first figures at the same moment: the unique index keeps theirs.
            db.ChangeTracker.Clear();
            return (Access.Allowed, OperationResult.Failed("", "Someone else saved these figures at the same moment. Check the figures below and save again."));
        }
        return (Access.Allowed, OperationResult.Success);
    }

    /// <summary>
    /// Reopens a submitted agency's figures so its lead can change and submit them again (the training unit only, while
    /// the TNA is open); the agency's leads are told why.
    /// </summary>
    public async Task<(Access Access, OperationResult Result)> ReopenAsync(Guid analysisId, Guid agencyId, ReopenInput input, CancellationToken cancellationToken = default)
    {
        var (access, analysis, agencyName) = await CheckAsync(analysisId, agencyId, cancellationToken);
        if (access != Access.Allowed || !scope.SeesAllAgencies)
        {
            return (access == Access.NotFound ? Access.NotFound : Access.Forbidden, OperationResult.Failed("", "Only the training unit reopens a submission."));
        }
        var submission = await db.Set<TnaSubmission>().SingleOrDefaultAsync(s => s.AnalysisId == analysisId && s.AgencyId == agencyId, cancellationToken);
        if (submission?.Status != TnaSubmissionStatus.Submitted)
        {
            return (Access.Allowed, OperationResult.Failed("", "These figures have not been submitted, so there is nothing to reopen."));
        }
        if (!analysis!.IsOpenOn(Today))
        {
            return (Access.Allowed, OperationResult.Failed("", $"The training needs analysis closed on {UkTime.FormatDate(analysis.Deadline)}: reopened figures could not be submitted again."));
        }
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return (Access.Allowed, OperationResult.Failed(nameof(ReopenInput.Reason), "Enter why the figures are being reopened"));
        }
        if (reason.Length > TnaLimits.ReasonLength)
        {
            return (Access.Allowed, OperationResult.Failed(nameof(ReopenInput.Reason), $"The reason must be {TnaLimits.ReasonLength} characters or fewer"));
        }
        submission.Status = TnaSubmissionStatus.Draft;
        submission.ReopenedAt = clock.GetUtcNow().UtcDateTime;
        submission.ReopenReason = reason;
        audit.Record("Training needs reopened", "TnaSubmission", submission.Id, $"{agencyName}, {analysis.Name}: {reason}");
        var leads = await db.LeadContacts(onlyHoldingLeadRole: true).Where(l => l.AgencyId == agencyId)
            .Select(l => new { l.Email, l.FirstName, l.LastName }).ToListAsync(cancellationToken);
        foreach (var lead in leads)
        {
            await mail.ReopenedAsync(lead.Email!, $"{lead.FirstName} {lead.LastName}", agencyName!, analysis.Name, analysis.Deadline, reason, analysisId, agencyId, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return (Access.Allowed, OperationResult.Success);
    }

    /// <summary>
    /// The workforce groups that have requirements, each with its lines: computed from today's staff, or as submitted
    /// when <paramref name="submission"/> is submitted; a draft's own figures and reasons are kept beside the computed ones.
    /// </summary>
    internal async Task<IReadOnlyList<TnaGroupTask>> GroupsAsync(TrainingNeedsAnalysis analysis, Guid agencyId, TnaSubmission? submission, CancellationToken cancellationToken)
    {
        var requirements = await compliance.RequirementsAsync(cancellationToken);
        var groups = await db.AllWorkforceGroups().OrderBy(g => g.Order).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var computed = (await calculator.ComputeAsync(analysis.EndsOn, agencyId, cancellationToken)).ToDictionary(c => (c.WorkforceGroupId, c.RequirementId));
        var saved = submission?.Figures.ToDictionary(f => (f.WorkforceGroupId, f.RequirementId)) ?? [];
        var submitted = submission?.Status == TnaSubmissionStatus.Submitted;
        var result = new List<TnaGroupTask>();
        foreach (var group in groups)
        {
            var lines = new List<TnaLine>();
            foreach (var requirement in requirements.Where(r => r.AppliesTo(group.Id)))
            {
                var live = computed.GetValueOrDefault((group.Id, requirement.Id))?.Needing ?? 0;
                var figure = saved.GetValueOrDefault((group.Id, requirement.Id));
                var course = requirement.MainCourse?.Title ?? requirement.Name;
                lines.Add(submitted && figure is not null
                    ? new TnaLine(requirement.Id, requirement.Name, course, figure.Computed, figure.Adjusted, figure.Reason)
                    : new TnaLine(requirement.Id, requirement.Name, course, live, figure?.Adjusted, figure?.Reason));
            }
            if (lines.Count == 0)
            {
                continue;
            }
            var staff = computed.Values.Where(c => c.WorkforceGroupId == group.Id).Select(c => c.Staff).DefaultIfEmpty(0).Max();
            var starters = submission?.Starters.FirstOrDefault(s => s.WorkforceGroupId == group.Id)?.Count ?? 0;
            result.Add(new TnaGroupTask(group.Id, group.Name, staff, starters, lines));
        }
        return result;
    }

    private async Task<(Access Access, TrainingNeedsAnalysis? Analysis, string? AgencyName)> CheckAsync(Guid analysisId, Guid agencyId, CancellationToken cancellationToken)
    {
        var analysis = await db.Set<TrainingNeedsAnalysis>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == analysisId, cancellationToken);
        var agencyName = await db.AllAgencies().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        if (analysis is null || agencyName is null)
        {
            return (Access.NotFound, null, null);
        }
        return await scope.CanManageAsync(agencyId, cancellationToken) ? (Access.Allowed, analysis, agencyName) : (Access.Forbidden, null, null);
    }

    private static void Replace(TnaSubmission submission, List<TnaFigure> figures, List<TnaPlannedStarters> starters)
    {
        // Updated in place: the keys are (group, requirement) and (group), so a figure saved again is the same row.
        var figureKeys = figures.Select(f => (f.WorkforceGroupId, f.RequirementId)).ToHashSet();
        submission.Figures.RemoveAll(f => !figureKeys.Contains((f.WorkforceGroupId, f.RequirementId)));
        foreach (var figure in figures)
        {
            if (submission.Figures.FirstOrDefault(f => f.WorkforceGroupId == figure.WorkforceGroupId && f.RequirementId == figure.RequirementId) is { } existing)
            {
                (existing.Computed, existing.Adjusted, existing.Reason) = (figure.Computed, figure.Adjusted, figure.Reason);
            }
            else
            {
                submission.Figures.Add(figure);
            }
        }
        var starterKeys = starters.Select(s => s.WorkforceGroupId).ToHashSet();
        submission.Starters.RemoveAll(s => !starterKeys.Contains(s.WorkforceGroupId));
        foreach (var starter in starters)
        {
            if (submission.Starters.FirstOrDefault(s => s.WorkforceGroupId == starter.WorkforceGroupId) is { } existing)
            {
                existing.Count = starter.Count;
            }
            else
            {
                submission.Starters.Add(starter);
            }
        }
    }

    /// <summary>A whole number of people from what was typed, or null with a field error saying what is wrong.</summary>
    private static int? Whole(string? text, bool blankIsZero, string field, string label, List<FieldError> errors)
    {
        var value = text?.Trim().Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            if (blankIsZero)
            {
                return 0;
            }
            errors.Add(new(field, $"Enter {char.ToLowerInvariant(label[0])}{label[1..]}, or 0"));
            return null;
        }
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new(field, $"{label} must be a number, like 12"));
            return null;
        }
        if (number < 0)
        {
            errors.Add(new(field, $"{label} must be 0 or more"));
            return null;
        }
        if (number != decimal.Truncate(number))
        {
            errors.Add(new(field, $"{label} must be a whole number"));
            return null;
        }
        if (number > TnaLimits.MaxFigure)
        {
            errors.Add(new(field, $"{label} must be {TnaLimits.MaxFigure:N0} or fewer"));
            return null;
        }
        return (int)number;
    }
}

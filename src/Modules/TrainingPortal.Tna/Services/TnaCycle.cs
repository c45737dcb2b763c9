using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Tna.Domain;

namespace TrainingPortal.Tna.Services;

/// <summary>A TNA year as lists show it.</summary>
public sealed record TnaSummary(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly Deadline, bool IsOpen, int Submitted, int Agencies);

/// <summary>What the training unit enters to open a TNA year.</summary>
public sealed class OpenTnaInput
{
    /// <summary>The calendar year the TNA year starts in (April).</summary>
    public int? StartYear { get; set; }

    public DateOnly? Deadline { get; set; }
}

/// <summary>
/// The yearly cycle as the training unit runs it: opening a year (every active agency's leads are asked for their
/// figures), and the list of years. Reopening one agency's submission is <see cref="TnaSubmissions.ReopenAsync"/>.
/// </summary>
public sealed class TnaCycle(PortalDbContext db, AgencyScope scope, ICurrentUser currentUser, TnaMail mail, AuditTrail audit, TimeProvider clock)
{
    public DateOnly Today => UkTime.Today(clock);

    /// <summary>The year a new TNA would usually be for: the next April.</summary>
    public int SuggestedStartYear => Today.Month >= 4 ? Today.Year + 1 : Today.Year;

    /// <summary>Every TNA, newest year first, with how many active agencies have submitted.</summary>
    public async Task<IReadOnlyList<TnaSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var agencies = await db.AllAgencies().CountAsync(a => a.IsActive, cancellationToken);
        var rows = await db.Set<TrainingNeedsAnalysis>().AsNoTracking().OrderByDescending(a => a.StartYear)
            .Select(a => new
            {
                a.Id, a.StartYear, a.StartsOn, a.EndsOn, a.Deadline,
                Submitted = db.Set<TnaSubmission>().Count(s => s.AnalysisId == a.Id && s.Status == TnaSubmissionStatus.Submitted
                                                              && db.AllAgencies().Any(g => g.Id == s.AgencyId && g.IsActive)),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TnaSummary(r.Id, TrainingNeedsAnalysis.YearName(r.StartYear), r.StartsOn, r.EndsOn, r.Deadline, today <= r.Deadline, r.Submitted, agencies)).ToList();
    }

    public Task<TrainingNeedsAnalysis?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<TrainingNeedsAnalysis>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// Opens a TNA year (the training unit only) and emails each active agency's leads a link to their task. Refused
    /// with field errors: no year or one far off, a year that already has a TNA, a deadline in the past or after the year.
    /// </summary>
    public async Task<(Access Access, OperationResult<Guid> Result)> OpenAsync(OpenTnaInput input, CancellationToken cancellationToken = default)
    {
        if (!scope.SeesAllAgencies)
        {
            return (Access.Forbidden, OperationResult<Guid>.Failed("", "Only the training unit opens a training needs analysis."));
        }
        var today = Today;
        var errors = new List<FieldError>();
        if (input.StartYear is not { } year)
        {
            errors.Add(new(nameof(OpenTnaInput.StartYear), "Select the year the analysis is for"));
        }
        else if (year < today.Year - 1 || year > today.Year + 2)
        {
            errors.Add(new(nameof(OpenTnaInput.StartYear), $"The year must start between April {today.Year - 1} and April {today.Year + 2}"));
        }
        else if (await db.Set<TrainingNeedsAnalysis>().AnyAsync(a => a.StartYear == year, cancellationToken))
        {
            errors.Add(new(nameof(OpenTnaInput.StartYear), $"There is already a training needs analysis for {TrainingNeedsAnalysis.YearName(year)}"));
        }
        if (input.Deadline is not { } deadline)
        {
            errors.Add(new(nameof(OpenTnaInput.Deadline), "Enter the deadline for agencies' figures"));
        }
        else if (deadline < today)
        {
            errors.Add(new(nameof(OpenTnaInput.Deadline), "The deadline must be today or in the future"));
        }
        else if (input.StartYear is { } y && deadline > TrainingNeedsAnalysis.EndOf(y))
        {
            errors.Add(new(nameof(OpenTnaInput.Deadline), $"The deadline must be before the year ends on {UkTime.FormatDate(TrainingNeedsAnalysis.EndOf(y))}"));
        }
        if (errors.Count > 0)
        {
            return (Access.Allowed, OperationResult<Guid>.Failed(errors));
        }

        var analysis = new TrainingNeedsAnalysis
        {
            Id = Guid.NewGuid(), StartYear = input.StartYear!.Value, StartsOn = TrainingNeedsAnalysis.StartOf(input.StartYear.Value),
            EndsOn = TrainingNeedsAnalysis.EndOf(input.StartYear.Value), Deadline = input.Deadline!.Value,
            OpenedAt = clock.GetUtcNow().UtcDateTime, OpenedByUserId = currentUser.UserId,
        };
        db.Set<TrainingNeedsAnalysis>().Add(analysis);
        audit.Record("Training needs analysis opened", "TrainingNeedsAnalysis", analysis.Id, $"{analysis.Name}; deadline {UkTime.FormatDate(analysis.Deadline)}");
        var leads = await (from l in db.LeadContacts(onlyHoldingLeadRole: true)
                           join a in db.AllAgencies() on l.AgencyId equals a.Id
                           where a.IsActive
                           orderby a.Name
                           select new { AgencyId = a.Id, Agency = a.Name, l.Email, l.FirstName, l.LastName }).ToListAsync(cancellationToken);
        foreach (var lead in leads)
        {
            await mail.OpenedAsync(lead.Email!, $"{lead.FirstName} {lead.LastName}", lead.Agency, analysis.Name, analysis.Deadline, analysis.Id, lead.AgencyId, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened by someone else at the same moment: the unique year keeps one.
            db.ChangeTracker.Clear();
            return (Access.Allowed, OperationResult<Guid>.Failed(nameof(OpenTnaInput.StartYear), $"There is already a training needs analysis for {analysis.Name}"));
        }
        return (Access.Allowed, OperationResult<Guid>.Ok(analysis.Id));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Evaluation.Domain;

namespace TrainingPortal.Evaluation.Services;

/// <summary>
/// Turns completions into evaluation requests: each approved record of a register closed, e-learning passed or a
/// briefing logged, recorded since evaluation started and completed in the last <see cref="EvaluationSettings.RecentCompletionDays"/>
/// days, gets one request and one email. The unique index on the record makes a second run or instance a no-op.
/// </summary>
public sealed class EvaluationInvitations(PortalDbContext db, PortalSettings settings, EvaluationMail mail, TimeProvider clock, ILogger<EvaluationInvitations> logger)
{
    private const int BatchSize = 200;

    /// <summary>The sources of training that are evaluated (external training was not ours to evaluate).</summary>
    public static readonly TrainingSource[] EvaluatedSources = [TrainingSource.Session, TrainingSource.ELearning, TrainingSource.Briefing];

    /// <summary>Creates and emails the requests for completions not yet asked about. Returns how many were created.</summary>
    public async Task<int> InviteAsync(CancellationToken cancellationToken = default)
    {
        var since = await StartedAtAsync(cancellationToken);
        var earliest = UkTime.Today(clock).AddDays(-EvaluationSettings.RecentCompletionDays);
        var hold = await EvaluationSettings.HoldCertificatesAsync(settings, cancellationToken);
        var created = 0;
        var claimedElsewhere = new HashSet<Guid>();
        while (true)
        {
            var batch = await (from r in Waiting(since, earliest)
                               where !claimedElsewhere.Contains(r.Id)
                               join p in db.AllPractitioners() on r.PractitionerId equals p.Id
                               join v in db.AllCourseVersions() on r.CourseVersionId equals v.Id
                               orderby r.CreatedAt, r.Id
                               select new { Record = r, p.Email, p.FirstName, p.LastName, v.Title })
                .Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var item in batch)
            {
                var request = NewRequest(item.Record);
                db.Set<EvaluationRequest>().Add(request);
                if (!string.IsNullOrWhiteSpace(item.Email))
                {
                    request.EmailedAt = request.RequestedAt;
                    await mail.InviteAsync(item.Email, item.FirstName, item.LastName, item.Record.Id, item.Title, item.Record.CompletedOn, hold, cancellationToken);
                }
                if (await SaveClaimAsync(item.Record.Id, cancellationToken))
                {
                    created++;
                }
                else
                {
                    claimedElsewhere.Add(item.Record.Id);
                }
            }
        }
        if (created > 0)
        {
            logger.LogInformation("Asked for {Count} evaluations of completed training", created);
        }
        return created;
    }

    /// <summary>
    /// The request for a record, created now (without an email) if the record is one that is evaluated and the job has
    /// not reached it yet; null for records that are not evaluated (external training, awaiting approval, history).
    /// </summary>
    public async Task<EvaluationRequest?> EnsureAsync(Guid trainingRecordId, CancellationToken cancellationToken = default)
    {
        var existing = await db.Set<EvaluationRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.TrainingRecordId == trainingRecordId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var since = await StartedAtAsync(cancellationToken);
        var earliest = UkTime.Today(clock).AddDays(-EvaluationSettings.RecentCompletionDays);
        var record = await Waiting(since, earliest).FirstOrDefaultAsync(r => r.Id == trainingRecordId, cancellationToken);
        if (record is null)
        {
            // Not waiting: either not evaluated, or someone else (the job, another tab) made its request since the first look.
            return await db.Set<EvaluationRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.TrainingRecordId == trainingRecordId, cancellationToken);
        }
        var request = NewRequest(record);
        db.Set<EvaluationRequest>().Add(request);
        await SaveClaimAsync(record.Id, cancellationToken);
        return await db.Set<EvaluationRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.TrainingRecordId == trainingRecordId, cancellationToken);
    }

    /// <summary>Whether a record is one that evaluation covers (whether or not it has been asked about yet).</summary>
    public async Task<bool> IsEvaluatedAsync(Guid trainingRecordId, CancellationToken cancellationToken = default)
    {
        if (await db.Set<EvaluationRequest>().AnyAsync(r => r.TrainingRecordId == trainingRecordId, cancellationToken))
        {
            return true;
        }
        var since = await StartedAtAsync(cancellationToken);
        var earliest = UkTime.Today(clock).AddDays(-EvaluationSettings.RecentCompletionDays);
        return await Waiting(since, earliest).AnyAsync(r => r.Id == trainingRecordId, cancellationToken);
    }

    /// <summary>When evaluation started; the first call records now, so completions recorded before are left as history.</summary>
    public async Task<DateTime> StartedAtAsync(CancellationToken cancellationToken = default)
    {
        if (await EvaluationSettings.InvitingSinceAsync(settings, cancellationToken) is { } since)
        {
            return since;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await settings.SetAsync(EvaluationSettings.InvitingSinceKey, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance started evaluation at the same moment: its time stands.
            db.ChangeTracker.Clear();
        }
        return await EvaluationSettings.InvitingSinceAsync(settings, cancellationToken) ?? now;
    }

    /// <summary>Records that evaluation covers and that have no request yet.</summary>
    internal IQueryable<TrainingRecord> Waiting(DateTime since, DateOnly earliest) =>
        db.AllTrainingRecords().Where(r => r.Status == RecordStatus.Approved
            && EvaluatedSources.Contains(r.Source)
            && r.CreatedAt >= since
            && r.CompletedOn >= earliest
            && !db.Set<EvaluationRequest>().Any(q => q.TrainingRecordId == r.Id));

    private EvaluationRequest NewRequest(TrainingRecord record) => new()
    {
        Id = Guid.NewGuid(),
        TrainingRecordId = record.Id,
        PractitionerId = record.PractitionerId,
        CourseId = record.CourseId,
        CourseVersionId = record.CourseVersionId,
        CompletedOn = record.CompletedOn,
        Source = record.Source,
        RequestedAt = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>Saves one request with its email; false when another run or instance created the record's request first.</summary>
    private async Task<bool> SaveClaimAsync(Guid trainingRecordId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "The evaluation of training record {TrainingRecordId} was already requested by another run", trainingRecordId);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Catalogue.Services;

/// <summary>A training record as "My learning" and a lead's view show it.</summary>
public sealed record TrainingRecordView(
    Guid Id, string CourseCode, string CourseTitle, int CourseVersion, CourseLevel Level, DateOnly CompletedOn, TrainingSource Source,
    int? ScorePercent, DateOnly? ExpiresOn, string CertificateNumber, RecordStatus Status, string? Provider, bool HasEvidence);

/// <summary>What a lead or coordinator enters for training done elsewhere.</summary>
public sealed class ExternalTrainingInput
{
    public Guid? CourseId { get; set; }
    [System.ComponentModel.DataAnnotations.Display(Name = "The date the training was completed")]
    public DateOnly? CompletedOn { get; set; }
    public string? Provider { get; set; }
    public string? Reason { get; set; }
}

/// <summary>An uploaded evidence file.</summary>
public sealed record EvidenceFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Creates and reads training records. A record keeps the course version it was earned on; its expiry is the
/// completion date plus that version's validity.
/// </summary>
public sealed class TrainingRecords(PortalDbContext db, AgencyScope scope, ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    public const int MaxEvidenceBytes = 5 * 1024 * 1024;

    private DateOnly Today => UkTime.Today(clock);

    /// <summary>
    /// Records a completion (e-learning passed, session attended, briefing delivered). Called by the catalogue's
    /// e-learning and by the sessions and champions modules. The caller saves.
    /// </summary>
    public async Task<TrainingRecord> AddCompletionAsync(Guid practitionerId, Guid courseVersionId, DateOnly completedOn, TrainingSource source, int? score, CancellationToken cancellationToken = default) =>
        (await AddCompletionsAsync([practitionerId], courseVersionId, completedOn, source, score, cancellationToken))[practitionerId];

    /// <summary>Records the same completion for several people at once (everyone who attended a session). The caller saves.</summary>
    public async Task<IReadOnlyDictionary<Guid, TrainingRecord>> AddCompletionsAsync(
        IEnumerable<Guid> practitionerIds, Guid courseVersionId, DateOnly completedOn, TrainingSource source, int? score, CancellationToken cancellationToken = default)
    {
        var version = await db.Set<CourseVersion>().AsNoTracking().SingleAsync(v => v.Id == courseVersionId, cancellationToken);
        var records = new Dictionary<Guid, TrainingRecord>();
        foreach (var practitionerId in practitionerIds.Distinct())
        {
            var record = new TrainingRecord
            {
                Id = Guid.NewGuid(),
                PractitionerId = practitionerId,
                CourseId = version.CourseId,
                CourseVersionId = version.Id,
                CompletedOn = completedOn,
                Source = source,
                ScorePercent = score,
                ExpiresOn = version.ExpiryFor(completedOn),
                CertificateNumber = CertificateNumbers.New(),
                Status = RecordStatus.Approved,
                RecordedByUserId = currentUser.UserId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Set<TrainingRecord>().Add(record);
            audit.Record("Training recorded", "Practitioner", practitionerId, $"{version.Title} (version {version.Number}) completed {completedOn:d MMM yyyy} by {source}");
            records[practitionerId] = record;
        }
        return records;
    }

    /// <summary>
    /// Moves a completion recorded by another module (a corrected briefing log) to another date or course version,
    /// keeping its certificate number. The caller saves.
    /// </summary>
    public async Task ReviseCompletionAsync(Guid recordId, Guid courseVersionId, DateOnly completedOn, string why, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<TrainingRecord>().SingleAsync(r => r.Id == recordId, cancellationToken);
        if (record.CourseVersionId == courseVersionId && record.CompletedOn == completedOn)
        {
            return;
        }
        var version = await db.Set<CourseVersion>().AsNoTracking().SingleAsync(v => v.Id == courseVersionId, cancellationToken);
        audit.Record("Training corrected", "Practitioner", record.PractitionerId,
            $"{version.Title} (version {version.Number}) now completed {completedOn:d MMM yyyy}, was {record.CompletedOn:d MMM yyyy}: {why}");
        record.CourseId = version.CourseId;
        record.CourseVersionId = version.Id;
        record.CompletedOn = completedOn;
        record.ExpiresOn = version.ExpiryFor(completedOn);
    }

    /// <summary>Removes a completion recorded in error by another module (someone taken off a briefing log). The caller saves.</summary>
    public async Task RemoveCompletionAsync(Guid recordId, string why, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<TrainingRecord>().SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return;
        }
        audit.Record("Training removed", "Practitioner", record.PractitionerId, $"Record {record.CertificateNumber} of {record.CompletedOn:d MMM yyyy} removed: {why}");
        db.Set<TrainingRecord>().Remove(record);
    }

    public async Task<IReadOnlyList<TrainingRecordView>> ForPractitionerAsync(Guid practitionerId, CancellationToken cancellationToken = default) =>
        await db.Set<TrainingRecord>().AsNoTracking()
            .Where(r => r.PractitionerId == practitionerId)
            .Join(db.Set<CourseVersion>(), r => r.CourseVersionId, v => v.Id, (r, v) => new { r, v })
            .Join(db.Set<Course>(), x => x.r.CourseId, c => c.Id, (x, c) => new { x.r, x.v, c.Code })
            .OrderByDescending(x => x.r.CompletedOn)
            .Select(x => new TrainingRecordView(x.r.Id, x.Code, x.v.Title, x.v.Number, x.v.Level, x.r.CompletedOn, x.r.Source, x.r.ScorePercent,
                x.r.ExpiresOn, x.r.CertificateNumber, x.r.Status, x.r.Provider, x.r.Evidence != null))
            .ToListAsync(cancellationToken);

    /// <summary>A lead's or coordinator's view of one of their agency's staff's records.</summary>
    public async Task<(Access Access, IReadOnlyList<TrainingRecordView> Records)> ForStaffAsync(Guid agencyId, Guid practitionerId, CancellationToken cancellationToken = default)
    {
        var access = await StaffAccessAsync(agencyId, practitionerId, cancellationToken);
        return access == Access.Allowed ? (access, await ForPractitionerAsync(practitionerId, cancellationToken)) : (access, []);
    }

    /// <summary>
    /// Training done elsewhere, recorded by the person's lead or a coordinator; waits for a coordinator's approval. Evidence,
    /// if any, must be one of <see cref="EvidenceTypes.All"/> by its name and by its content; otherwise nothing is recorded.
    /// </summary>
    public async Task<OperationResult<Guid>> RecordExternalAsync(Guid agencyId, Guid practitionerId, ExternalTrainingInput input, EvidenceFile? evidence, CancellationToken cancellationToken = default)
    {
        var access = await StaffAccessAsync(agencyId, practitionerId, cancellationToken);
        if (access != Access.Allowed)
        {
            return OperationResult<Guid>.Failed("", "You cannot record training for this person.");
        }
        var errors = new List<FieldError>();
        var course = input.CourseId is null ? null : await db.Set<Course>().Include(c => c.Versions).SingleOrDefaultAsync(c => c.Id == input.CourseId && c.Status == CourseStatus.Published, cancellationToken);
        if (course is null)
        {
            errors.Add(new("CourseId", "Select the course this training was equivalent to"));
        }
        if (input.CompletedOn is null)
        {
            errors.Add(new("CompletedOn", "Enter the date the training was completed"));
        }
        else if (input.CompletedOn > Today)
        {
            errors.Add(new("CompletedOn", "The date the training was completed must be today or in the past"));
        }
        else if (input.CompletedOn < Today.AddYears(-20))
        {
            errors.Add(new("CompletedOn", "The date the training was completed must be within the last 20 years"));
        }
        if (string.IsNullOrWhiteSpace(input.Provider))
        {
            errors.Add(new("Provider", "Enter who provided the training"));
        }
        else if (input.Provider.Trim().Length > 200)
        {
            errors.Add(new("Provider", "Provider must be 200 characters or fewer"));
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add(new("Reason", "Enter why this training should count, for example what it covered"));
        }
        else if (input.Reason.Trim().Length > 1000)
        {
            errors.Add(new("Reason", "Reason must be 1000 characters or fewer"));
        }
        var evidenceType = evidence is null ? null : EvidenceTypes.Claimed(evidence.FileName);
        if (evidence is not null)
        {
            if (evidenceType is null)
            {
                errors.Add(new("Evidence", "The evidence must be a PDF, PNG, JPG or DOCX file"));
            }
            else if (evidence.Content.Length > MaxEvidenceBytes)
            {
                errors.Add(new("Evidence", "The evidence must be smaller than 5 MB"));
            }
            else if (evidence.Content.Length == 0)
            {
                errors.Add(new("Evidence", "The selected file is empty"));
            }
            else if (!EvidenceTypes.Matches(evidenceType, evidence.Content))
            {
                errors.Add(new("Evidence", $"The selected file is not a real {evidenceType.Name}. The evidence must be a PDF, PNG, JPG or DOCX file"));
            }
        }
        if (errors.Count > 0)
        {
            return OperationResult<Guid>.Failed(errors);
        }
        var version = course!.CurrentVersion;
        var record = new TrainingRecord
        {
            Id = Guid.NewGuid(),
            PractitionerId = practitionerId,
            CourseId = course.Id,
            CourseVersionId = version.Id,
            CompletedOn = input.CompletedOn!.Value,
            Source = TrainingSource.External,
            ExpiresOn = version.ExpiryFor(input.CompletedOn.Value),
            CertificateNumber = CertificateNumbers.New(),
            Status = RecordStatus.AwaitingApproval,
            Provider = input.Provider!.Trim(),
            Reason = input.Reason!.Trim(),
            RecordedByUserId = currentUser.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Evidence = evidence is null ? null : new TrainingEvidence
            {
                FileName = Path.GetFileName(evidence.FileName),
                ContentType = evidenceType!.ContentType,
                Content = evidence.Content,
            },
        };
        db.Set<TrainingRecord>().Add(record);
        audit.Record("External training recorded", "Practitioner", practitionerId, $"{version.Title} completed {record.CompletedOn:d MMM yyyy} with {record.Provider}; awaiting approval");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<Guid>.Ok(record.Id);
    }

    /// <summary>External records waiting for a decision, oldest first.</summary>
    public async Task<IReadOnlyList<PendingExternalRecord>> AwaitingApprovalAsync(CancellationToken cancellationToken = default) =>
        await db.Set<TrainingRecord>().AsNoTracking()
            .Where(r => r.Status == RecordStatus.AwaitingApproval)
            .OrderBy(r => r.CreatedAt)
            .Join(db.Set<CourseVersion>(), r => r.CourseVersionId, v => v.Id, (r, v) => new { r, v.Title })
            .Join(db.AllPractitioners(), x => x.r.PractitionerId, p => p.Id, (x, p) => new PendingExternalRecord(
                x.r.Id, p.FirstName + " " + p.LastName, x.Title, x.r.CompletedOn, x.r.Provider!, x.r.Reason!, x.r.Evidence != null, x.r.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>A coordinator accepts or rejects external training; a rejection needs a reason.</summary>
    public async Task<OperationResult> DecideAsync(Guid recordId, bool approve, string? note, CancellationToken cancellationToken = default)
    {
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Failed("Note", "Enter why the training is not accepted");
        }
        var record = await db.Set<TrainingRecord>().SingleOrDefaultAsync(r => r.Id == recordId && r.Status == RecordStatus.AwaitingApproval, cancellationToken);
        if (record is null)
        {
            return OperationResult.Failed("", "This record has already been decided.");
        }
        record.Status = approve ? RecordStatus.Approved : RecordStatus.Rejected;
        record.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        audit.Record(approve ? "External training approved" : "External training rejected", "Practitioner", record.PractitionerId, record.DecisionNote);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// The evidence uploaded with a record, to download. Its content type comes from checking the content again, not from
    /// what was stored, so evidence kept from before content was checked is served as <see cref="EvidenceTypes.Unrecognised"/>
    /// unless it really is what its name says.
    /// </summary>
    public async Task<EvidenceFile?> EvidenceAsync(Guid recordId, CancellationToken cancellationToken = default)
    {
        var evidence = await db.Set<TrainingEvidence>().AsNoTracking().SingleOrDefaultAsync(e => e.TrainingRecordId == recordId, cancellationToken);
        return evidence is null ? null : new EvidenceFile(evidence.FileName, EvidenceTypes.ContentTypeOf(evidence.FileName, evidence.Content), evidence.Content);
    }

    private async Task<Access> StaffAccessAsync(Guid agencyId, Guid practitionerId, CancellationToken cancellationToken)
    {
        if (!await scope.CanManageAsync(agencyId, cancellationToken))
        {
            return Access.Forbidden;
        }
        return await db.KnownMemberships().AnyAsync(m => m.AgencyId == agencyId && m.PractitionerId == practitionerId, cancellationToken)
            ? Access.Allowed
            : Access.NotFound;
    }
}

public sealed record PendingExternalRecord(Guid Id, string Practitioner, string Course, DateOnly CompletedOn, string Provider, string Reason, bool HasEvidence, DateTime RecordedAt);

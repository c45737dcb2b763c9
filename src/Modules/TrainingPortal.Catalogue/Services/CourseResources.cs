using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Catalogue.Services;

public sealed record ResourceSummary(Guid Id, string Title, string FileName, bool LicensedOnly, long Size);

/// <summary>
/// Files attached to a course. Resources marked licensed-only (GCP2 materials under the NSPCC licence) are listed and
/// served only to practitioners holding the course's licence, and to the training unit.
/// </summary>
public sealed class CourseResources(PortalDbContext db, Learners learners, Qualifications qualifications, ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    public const int MaxBytes = 20 * 1024 * 1024;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
    };

    private bool IsTrainingUnit => currentUser.IsInRole(Roles.TrainingCoordinator) || currentUser.IsInRole(Roles.Administrator);

    /// <summary>The resources the signed-in person may see.</summary>
    public async Task<IReadOnlyList<ResourceSummary>> VisibleAsync(Guid courseId, CancellationToken cancellationToken = default)
    {
        var licensed = await MayOpenLicensedAsync(courseId, cancellationToken);
        return await db.Set<CourseResource>().AsNoTracking()
            .Where(r => r.CourseId == courseId && (licensed || !r.LicensedOnly))
            .OrderBy(r => r.Title)
            .Select(r => new ResourceSummary(r.Id, r.Title, r.FileName, r.LicensedOnly, r.Content.Length))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The file, or null when it does not exist or the person may not open it.</summary>
    public async Task<CourseResource?> OpenAsync(Guid courseId, Guid resourceId, CancellationToken cancellationToken = default)
    {
        var resource = await db.Set<CourseResource>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == resourceId && r.CourseId == courseId, cancellationToken);
        if (resource is null || (resource.LicensedOnly && !await MayOpenLicensedAsync(courseId, cancellationToken)))
        {
            return null;
        }
        return resource;
    }

    public async Task<OperationResult> AddAsync(Guid courseId, string? title, string fileName, byte[] content, bool licensedOnly, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new("ResourceTitle", "Enter a title for the file"));
        }
        if (!Types.TryGetValue(Path.GetExtension(fileName), out var contentType))
        {
            errors.Add(new("ResourceFile", "The file must be a PDF, Word, Excel, PowerPoint, PNG or JPG file"));
        }
        else if (content.Length == 0)
        {
            errors.Add(new("ResourceFile", "The selected file is empty"));
        }
        else if (content.Length > MaxBytes)
        {
            errors.Add(new("ResourceFile", "The file must be smaller than 20 MB"));
        }
        if (errors.Count > 0)
        {
            return OperationResult.Failed(errors);
        }
        db.Set<CourseResource>().Add(new CourseResource
        {
            Id = Guid.NewGuid(), CourseId = courseId, Title = title!.Trim(), FileName = Path.GetFileName(fileName), ContentType = contentType!,
            Content = content, LicensedOnly = licensedOnly, UploadedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record("Course resource added", "Course", courseId, $"{title!.Trim()} ({Path.GetFileName(fileName)}){(licensedOnly ? ", licensed practitioners only" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    private async Task<bool> MayOpenLicensedAsync(Guid courseId, CancellationToken cancellationToken)
    {
        if (IsTrainingUnit)
        {
            return true;
        }
        var practitioner = await learners.FindCurrentAsync(cancellationToken);
        if (practitioner is null)
        {
            return false;
        }
        var licence = await db.Set<CourseVersion>().Where(v => v.CourseId == courseId).OrderByDescending(v => v.Number).Select(v => v.Licence).FirstAsync(cancellationToken);
        return licence != CourseLicence.None && await qualifications.HoldsAsync(practitioner.Value, licence, cancellationToken);
    }
}

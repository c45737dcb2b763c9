using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;

namespace TrainingPortal.Champions.Services;

/// <summary>
/// Lets champions write guides: start one, save drafts, and send them to the training unit. Editing a published guide
/// starts a new version; the published one stays in the library until the new one is published. Only the author and
/// the training unit may change a guide; a version sent for review waits for the training unit.
/// </summary>
public sealed class GuideEditor(PortalDbContext db, GuideLibrary library, GuideMail mail, ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Starts a guide as a draft and returns its number. A draft needs a title; its parts can wait until it is submitted.</summary>
    public async Task<OperationResult<int>> CreateAsync(GuideInput input, CancellationToken cancellationToken = default)
    {
        var errors = await CheckDraftAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return OperationResult<int>.Failed(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var number = (await db.Set<SevenMinuteGuide>().MaxAsync(g => (int?)g.Number, cancellationToken) ?? 0) + 1;
        var guide = new SevenMinuteGuide
        {
            Id = Guid.NewGuid(), Number = number, Format = input.Format, AuthorUserId = currentUser.UserId ?? Guid.Empty, CreatedAt = now,
        };
        var version = new GuideVersion { Id = Guid.NewGuid(), GuideId = guide.Id, Number = 1, Status = GuideVersionStatus.Draft, Title = "", CreatedAt = now };
        Apply(version, input, guide.Format, now);
        guide.Versions.Add(version);
        db.Set<SevenMinuteGuide>().Add(guide);
        audit.Record("Guide started", "SevenMinuteGuide", guide.Id, $"{number}: {version.Title}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<int>.Ok(number);
    }

    /// <summary>
    /// Saves the guide's open version; for a published guide with none open, starts a new draft version. A version in
    /// review can be changed by the training unit only.
    /// </summary>
    public async Task<(Access Access, OperationResult Result)> SaveAsync(int number, GuideInput input, CancellationToken cancellationToken = default)
    {
        var (access, guide, version, refused) = await OpenVersionAsync(number, cancellationToken);
        if (access != Access.Allowed || refused is not null)
        {
            return (access, refused ?? OperationResult.Failed("", "That guide does not exist."));
        }
        var errors = await CheckDraftAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return (Access.Allowed, OperationResult.Failed(errors));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (guide!.CourseId is null)
        {
            guide.Format = input.Format;
        }
        if (version!.Status == GuideVersionStatus.Published)
        {
            version = new GuideVersion { Id = Guid.NewGuid(), GuideId = guide.Id, Number = version.Number + 1, Status = GuideVersionStatus.Draft, Title = "", CreatedAt = now };
            db.Set<GuideVersion>().Add(version);
            audit.Record("Guide version started", "SevenMinuteGuide", guide.Id, $"{guide.Number}: version {version.Number}");
        }
        Apply(version, input, guide.Format, now);
        audit.Record("Guide saved", "SevenMinuteGuide", guide.Id, $"{guide.Number}: version {version.Number}, {version.Title}");
        await db.SaveChangesAsync(cancellationToken);
        return (Access.Allowed, OperationResult.Success);
    }

    /// <summary>
    /// Sends the guide's draft (or returned) version to the training unit, who are emailed. Every part its format has
    /// must be written: each missing part is an error against its field.
    /// </summary>
    public async Task<(Access Access, OperationResult Result)> SubmitAsync(int number, CancellationToken cancellationToken = default)
    {
        var (access, guide, version, refused) = await OpenVersionAsync(number, cancellationToken);
        if (access != Access.Allowed || refused is not null)
        {
            return (access, refused ?? OperationResult.Failed("", "That guide does not exist."));
        }
        if (version!.Status is not (GuideVersionStatus.Draft or GuideVersionStatus.Returned))
        {
            return (Access.Allowed, OperationResult.Failed("", version.Status == GuideVersionStatus.Submitted
                ? "This guide is already with the training unit for review."
                : "There are no changes to send: edit the guide first."));
        }
        var errors = MissingParts(guide!.Format, version.Title, p => p.Read(version));
        if (errors.Count > 0)
        {
            return (Access.Allowed, OperationResult.Failed(errors));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        version.Status = GuideVersionStatus.Submitted;
        version.SubmittedAt = now;
        version.UpdatedAt = now;
        audit.Record("Guide submitted", "SevenMinuteGuide", guide.Id, $"{guide.Number}: version {version.Number}, {version.Title}");
        await mail.SubmittedAsync(guide.Number, version.Title, guide.AuthorUserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (Access.Allowed, OperationResult.Success);
    }

    /// <summary>What stops a guide being sent for review: no title, or a part its format has that is not written, each against its field.</summary>
    public static IReadOnlyList<FieldError> MissingParts(GuideFormat format, string? title, Func<GuidePart, string?> text)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new(nameof(GuideInput.Title), "Enter the guide's title"));
        }
        foreach (var part in GuideParts.For(format).Where(p => string.IsNullOrWhiteSpace(text(p))))
        {
            errors.Add(new(part.Field, $"Enter {part.Heading.ToLowerInvariant()}"));
        }
        return errors;
    }

    /// <summary>The guide and its latest version, if the user may change it; a refusal when they may see it but not change it now.</summary>
    private async Task<(Access, SevenMinuteGuide?, GuideVersion?, OperationResult?)> OpenVersionAsync(int number, CancellationToken cancellationToken)
    {
        var guide = await db.Set<SevenMinuteGuide>().SingleOrDefaultAsync(g => g.Number == number, cancellationToken);
        if (guide is null || !library.MayAuthor(guide))
        {
            return (Access.NotFound, null, null, null);
        }
        var version = await db.Set<GuideVersion>().Include(v => v.Tags).Include(v => v.Sectors)
            .Where(v => v.GuideId == guide.Id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        if (guide.IsRetired)
        {
            return (Access.Allowed, guide, version, OperationResult.Failed("", "This guide has been retired and cannot be changed."));
        }
        if (version.Status == GuideVersionStatus.Submitted && !library.IsTrainingUnit)
        {
            return (Access.Allowed, guide, version, OperationResult.Failed("", "This guide is with the training unit for review. You can change it again if they send it back."));
        }
        return (Access.Allowed, guide, version, null);
    }

    private async Task<List<FieldError>> CheckDraftAsync(GuideInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new(nameof(GuideInput.Title), "Enter the guide's title"));
        }
        else if (input.Title.Trim().Length > GuideParts.MaxTitleLength)
        {
            errors.Add(new(nameof(GuideInput.Title), $"Title must be {GuideParts.MaxTitleLength} characters or fewer"));
        }
        if (!Enum.IsDefined(input.Format))
        {
            errors.Add(new(nameof(GuideInput.Format), "Select the kind of guide"));
        }
        foreach (var part in GuideParts.For(input.Format).Where(p => (p.Typed(input)?.Trim().Length ?? 0) > GuideParts.MaxPartLength))
        {
            errors.Add(new(part.Field, $"{part.Heading} must be {GuideParts.MaxPartLength:N0} characters or fewer"));
        }
        var tags = GuideParts.ParseTags(input.Tags);
        if (tags.Count > GuideParts.MaxTags)
        {
            errors.Add(new(nameof(GuideInput.Tags), $"Enter {GuideParts.MaxTags} tags or fewer"));
        }
        else if (tags.Any(t => t.Length > GuideParts.MaxTagLength))
        {
            errors.Add(new(nameof(GuideInput.Tags), $"Each tag must be {GuideParts.MaxTagLength} characters or fewer"));
        }
        var sectorIds = input.SectorIds.Distinct().ToList();
        if (sectorIds.Count > 0 && await db.AllSectors().CountAsync(s => sectorIds.Contains(s.Id), cancellationToken) != sectorIds.Count)
        {
            errors.Add(new(nameof(GuideInput.SectorIds), "Select sectors from the list"));
        }
        return errors;
    }

    private static void Apply(GuideVersion version, GuideInput input, GuideFormat format, DateTime now)
    {
        version.Title = input.Title!.Trim();
        var parts = GuideParts.For(format);
        foreach (var part in GuideParts.All)
        {
            part.Write(version, parts.Contains(part) && part.Typed(input)?.Trim() is { Length: > 0 } text ? text : null);
        }
        // Kept tags and sectors stay as they are: removing and re-adding the same key in one save is refused.
        var tags = GuideParts.ParseTags(input.Tags);
        version.Tags.RemoveAll(t => !tags.Contains(t.Tag));
        version.Tags.AddRange(tags.Where(t => version.Tags.All(k => k.Tag != t)).Select(t => new GuideTag { GuideVersionId = version.Id, Tag = t }));
        var sectorIds = input.SectorIds.Distinct().ToList();
        version.Sectors.RemoveAll(s => !sectorIds.Contains(s.SectorId));
        version.Sectors.AddRange(sectorIds.Where(id => version.Sectors.All(k => k.SectorId != id)).Select(id => new GuideSector { GuideVersionId = version.Id, SectorId = id }));
        version.UpdatedAt = now;
    }
}

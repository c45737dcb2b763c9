using Microsoft.EntityFrameworkCore;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Catalogue.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core;
using TrainingPortal.Core.Results;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>A guide version waiting for the training unit.</summary>
public sealed record GuideAwaitingReview(int Number, GuideFormat Format, string Title, int Version, string AuthorName, DateTime SubmittedAt);

/// <summary>
/// The training unit's side of guides: return a submitted version with comments, publish it, set when it is next due
/// for review, retire it. Publishing makes the guide a briefing course in the catalogue (one course per guide, coded
/// 7MG-001 or 1MG-001) with a new course version for each published guide version, so briefings count as learning.
/// </summary>
public sealed class GuideReview(
    PortalDbContext db, GuideLibrary library, GuideMail mail, CourseEditor courses, ICurrentUser user, AuditTrail audit, TimeProvider clock)
{
    public const int MaxCommentsLength = 4000;

    private DateOnly Today => UkTime.Today(clock);

    /// <summary>Versions sent for review, oldest first.</summary>
    public async Task<IReadOnlyList<GuideAwaitingReview>> QueueAsync(CancellationToken cancellationToken = default) =>
        await (from v in db.Set<GuideVersion>().AsNoTracking()
               where v.Status == GuideVersionStatus.Submitted
               join g in db.Set<SevenMinuteGuide>() on v.GuideId equals g.Id
               join a in db.Accounts() on g.AuthorUserId equals a.Id into authors
               from a in authors.DefaultIfEmpty()
               orderby v.SubmittedAt
               select new GuideAwaitingReview(g.Number, g.Format, v.Title, v.Number, a == null ? "A former champion" : a.FirstName + " " + a.LastName, v.SubmittedAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>Sends the submitted version back to its author with comments (required), and emails them.</summary>
    public async Task<OperationResult> ReturnAsync(int number, string? comments, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(comments))
        {
            return OperationResult.Failed("Comments", "Enter comments for the author: what needs to change");
        }
        if (comments.Trim().Length > MaxCommentsLength)
        {
            return OperationResult.Failed("Comments", $"Comments must be {MaxCommentsLength:N0} characters or fewer");
        }
        var (guide, version, refused) = await SubmittedAsync(number, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        version!.Status = GuideVersionStatus.Returned;
        version.ReviewComments = comments.Trim();
        version.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("Guide returned", "SevenMinuteGuide", guide!.Id, $"{guide.Number}: version {version.Number}");
        await mail.ReturnedAsync(guide.Number, version.Title, guide.AuthorUserId, version.ReviewComments, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// Publishes the submitted version: it replaces the published one in the library (which becomes superseded), gets a
    /// course version for briefings, and is due for review on <paramref name="reviewDate"/> (a year from today if not given).
    /// The author is emailed.
    /// </summary>
    public async Task<OperationResult> PublishAsync(int number, DateOnly? reviewDate, CancellationToken cancellationToken = default)
    {
        var due = reviewDate ?? Today.AddYears(1);
        if (due <= Today)
        {
            return OperationResult.Failed("ReviewDate", "The review date must be in the future");
        }
        var (guide, version, refused) = await SubmittedAsync(number, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        return await PublishVersionAsync(guide!, version!, due, tellAuthor: true, cancellationToken);
    }

    /// <summary>
    /// Publishes a version already checked (by <see cref="PublishAsync"/>, or a recipe for the guides it brings): its course
    /// version, the previous version superseded, the review date, the audit entry and, when asked, the author's email.
    /// </summary>
    internal async Task<OperationResult> PublishVersionAsync(SevenMinuteGuide guide, GuideVersion version, DateOnly due, bool tellAuthor, CancellationToken cancellationToken)
    {
        // A recipe runs inside the set-up's transaction; on its own, publishing is one transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var sectorIds = await db.Set<GuideSector>().Where(s => s.GuideVersionId == version!.Id).Select(s => s.SectorId).ToListAsync(cancellationToken);
        var course = new CourseInput
        {
            Code = GuideParts.CourseCode(guide!.Format, guide.Number),
            Title = version!.Title,
            Summary = $"A {GuideParts.FormatName(guide.Format).ToLowerInvariant()} written by the partnership's neglect champions, delivered by a team leader to their team. A briefing on it counts as learning for those present.",
            LearningOutcomes = string.Join('\n', GuideParts.For(guide.Format).Take(3).Select(p => $"Know {p.Heading.ToLowerInvariant()}: {version.Title}")),
            Level = CourseLevel.Awareness,
            DeliveryMode = DeliveryMode.Briefing,
            DurationMinutes = guide.Format == GuideFormat.OneMinute ? 1 : 7,
            Owner = "Partnership training unit",
            ReviewDate = due,
            SectorIds = sectorIds,
        };
        OperationResult<Guid> made;
        if (guide.CourseId is { } courseId)
        {
            made = await courses.AddVersionAsync(courseId, course, cancellationToken);
        }
        else
        {
            var created = await courses.CreateAsync(course, cancellationToken);
            if (!created.Succeeded)
            {
                return OperationResult.Failed("", $"The guide's briefing course could not be made: {string.Join("; ", created.Errors.Select(e => e.Message))}");
            }
            guide.CourseId = created.Value;
            var published = await courses.PublishAsync(created.Value, cancellationToken);
            made = published.Succeeded
                ? OperationResult<Guid>.Ok(await db.CurrentCourseVersions().Where(v => v.CourseId == created.Value).Select(v => v.Id).SingleAsync(cancellationToken))
                : OperationResult<Guid>.Failed(published.Errors);
        }
        if (!made.Succeeded)
        {
            return OperationResult.Failed("", $"The guide's briefing course could not be updated: {string.Join("; ", made.Errors.Select(e => e.Message))}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var previous in await db.Set<GuideVersion>().Where(v => v.GuideId == guide.Id && v.Status == GuideVersionStatus.Published).ToListAsync(cancellationToken))
        {
            previous.Status = GuideVersionStatus.Superseded;
            previous.UpdatedAt = now;
        }
        version.Status = GuideVersionStatus.Published;
        version.PublishedAt = now;
        version.PublishedByUserId = user.UserId;
        version.CourseVersionId = made.Value;
        version.UpdatedAt = now;
        guide.ReviewDate = due;
        audit.Record("Guide published", "SevenMinuteGuide", guide.Id, $"{guide.Number}: version {version.Number}, {version.Title}; review by {due:d MMM yyyy}");
        if (tellAuthor)
        {
            await mail.PublishedAsync(guide.Number, version.Title, guide.AuthorUserId, due, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return OperationResult.Success;
    }

    /// <summary>Sets when a published guide is next due for review; a new date is reminded again 30 days before it.</summary>
    public async Task<OperationResult> SetReviewDateAsync(int number, DateOnly? reviewDate, CancellationToken cancellationToken = default)
    {
        if (reviewDate is not { } due || due <= Today)
        {
            return OperationResult.Failed("ReviewDate", "Enter a review date in the future");
        }
        var guide = await db.Set<SevenMinuteGuide>().SingleOrDefaultAsync(g => g.Number == number, cancellationToken);
        if (guide is null || !library.IsTrainingUnit)
        {
            return OperationResult.Failed("", "That guide does not exist.");
        }
        if (guide.CourseId is null || guide.IsRetired)
        {
            return OperationResult.Failed("ReviewDate", "Only a published guide has a review date");
        }
        audit.Record("Guide review date set", "SevenMinuteGuide", guide.Id, AuditTrail.Describe(("ReviewDate", guide.ReviewDate, due)));
        guide.ReviewDate = due;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Takes the guide out of the library (and its course out of the catalogue); it can no longer be briefed on.</summary>
    public async Task<OperationResult> RetireAsync(int number, CancellationToken cancellationToken = default)
    {
        var guide = await db.Set<SevenMinuteGuide>().SingleOrDefaultAsync(g => g.Number == number, cancellationToken);
        if (guide is null || !library.IsTrainingUnit)
        {
            return OperationResult.Failed("", "That guide does not exist.");
        }
        if (guide.IsRetired)
        {
            return OperationResult.Success;
        }
        guide.IsRetired = true;
        audit.Record("Guide retired", "SevenMinuteGuide", guide.Id, guide.Number.ToString());
        await db.SaveChangesAsync(cancellationToken);
        if (guide.CourseId is { } courseId)
        {
            await courses.RetireAsync(courseId, cancellationToken);
        }
        return OperationResult.Success;
    }

    private async Task<(SevenMinuteGuide?, GuideVersion?, OperationResult?)> SubmittedAsync(int number, CancellationToken cancellationToken)
    {
        var guide = await db.Set<SevenMinuteGuide>().SingleOrDefaultAsync(g => g.Number == number, cancellationToken);
        if (guide is null || !library.IsTrainingUnit)
        {
            return (null, null, OperationResult.Failed("", "That guide does not exist."));
        }
        if (guide.IsRetired)
        {
            return (guide, null, OperationResult.Failed("", "This guide has been retired."));
        }
        var version = await db.Set<GuideVersion>().Where(v => v.GuideId == guide.Id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        return version.Status == GuideVersionStatus.Submitted
            ? (guide, version, null)
            : (guide, version, OperationResult.Failed("", "This guide has not been sent for review."));
    }
}

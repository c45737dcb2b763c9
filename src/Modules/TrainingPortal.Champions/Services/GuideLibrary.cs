using Microsoft.EntityFrameworkCore;
using TrainingPortal.Agencies.Services;
using TrainingPortal.Champions.Domain;
using TrainingPortal.Core.Paging;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Champions.Services;

/// <summary>A published guide, for the demo recipe and other modules.</summary>
public sealed record PublishedGuide(Guid GuideId, int Number, string Title, Guid GuideVersionId);

/// <summary>A line in the library.</summary>
public sealed record GuideSummary(int Number, GuideFormat Format, string Title, DateTime PublishedAt, IReadOnlyList<string> Tags);

/// <summary>A line in a champion's own list: the guide's latest version and whether an earlier one is in the library.</summary>
public sealed record OwnGuide(int Number, GuideFormat Format, string Title, int Version, GuideVersionStatus Status, DateTime UpdatedAt, bool InLibrary, bool IsRetired);

/// <summary>A part with its text.</summary>
public sealed record GuidePartText(GuidePart Part, string Markdown);

/// <summary>One version of a guide as its pages show it.</summary>
public sealed record GuideView(
    Guid GuideId, int Number, GuideFormat Format, string AuthorName, int Version, GuideVersionStatus Status, string Title,
    IReadOnlyList<GuidePartText> Parts, IReadOnlyList<string> Tags, IReadOnlyList<string> Sectors, IReadOnlyList<int> SectorIds,
    string? ReviewComments, DateTime? PublishedAt, DateOnly? ReviewDate, bool IsRetired, bool CanEdit, bool CanReview)
{
    public string FormatName => GuideParts.FormatName(Format);

    /// <summary>The parts as the form edits them.</summary>
    public GuideInput ToInput()
    {
        var input = new GuideInput { Format = Format, Title = Title, Tags = string.Join(", ", Tags), SectorIds = [.. SectorIds] };
        foreach (var part in Parts)
        {
            part.Part.Fill(input, part.Markdown);
        }
        return input;
    }
}

/// <summary>
/// Reads seven-minute guides: the library of published guides (not retired), one guide, and a champion's own. Drafts
/// and versions in review are seen only by their author and the training unit; to anyone else they do not exist.
/// </summary>
public sealed class GuideLibrary(PortalDbContext db, ICurrentUser currentUser)
{
    public const int PageSize = 20;

    internal bool IsTrainingUnit => currentUser.IsInRole(Roles.TrainingCoordinator) || currentUser.IsInRole(Roles.Administrator);

    internal bool MayAuthor(SevenMinuteGuide guide) => IsTrainingUnit || (currentUser.UserId is { } id && id == guide.AuthorUserId);

    private IQueryable<GuideVersion> InLibrary =>
        from v in db.Set<GuideVersion>().AsNoTracking()
        where v.Status == GuideVersionStatus.Published
        where db.Set<SevenMinuteGuide>().Any(g => g.Id == v.GuideId && !g.IsRetired)
        select v;

    /// <summary>
    /// Published guides that are not retired, newest first: matching <paramref name="text"/> in the title or any part,
    /// tagged <paramref name="tag"/>, and written for <paramref name="sectorId"/> (a guide for no sector in particular is for every sector).
    /// </summary>
    public async Task<PagedList<GuideSummary>> SearchAsync(string? text, string? tag, int? sectorId, int page, CancellationToken cancellationToken = default)
    {
        var versions = InLibrary;
        if (text?.Trim().ToLowerInvariant() is { Length: > 0 } term)
        {
            versions = versions.Where(v => v.Title.ToLower().Contains(term)
                || (v.WhatItIs ?? "").ToLower().Contains(term) || (v.WhyItMatters ?? "").ToLower().Contains(term)
                || (v.WhatResearchSays ?? "").ToLower().Contains(term) || (v.WhatToLookFor ?? "").ToLower().Contains(term)
                || (v.WhatToDo ?? "").ToLower().Contains(term) || (v.QuestionsForReflection ?? "").ToLower().Contains(term)
                || (v.FurtherReading ?? "").ToLower().Contains(term)
                || v.Tags.Any(t => t.Tag.Contains(term)));
        }
        if (tag?.Trim().ToLowerInvariant() is { Length: > 0 } wanted)
        {
            versions = versions.Where(v => v.Tags.Any(t => t.Tag == wanted));
        }
        if (sectorId is { } sector)
        {
            versions = versions.Where(v => !v.Sectors.Any() || v.Sectors.Any(s => s.SectorId == sector));
        }
        var found = await (from v in versions
                           join g in db.Set<SevenMinuteGuide>() on v.GuideId equals g.Id
                           orderby v.PublishedAt descending, g.Number descending
                           select new { g.Number, g.Format, v.Title, PublishedAt = v.PublishedAt!.Value, v.Id })
            .ToPagedListAsync(page, PageSize, cancellationToken);
        var ids = found.Items.Select(f => f.Id).ToList();
        var tags = (await db.Set<GuideTag>().AsNoTracking().Where(t => ids.Contains(t.GuideVersionId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.GuideVersionId, t => t.Tag);
        return new PagedList<GuideSummary>(
            found.Items.Select(f => new GuideSummary(f.Number, f.Format, f.Title, f.PublishedAt, tags[f.Id].Order().ToList())).ToList(),
            found.Page, found.PageSize, found.TotalCount);
    }

    /// <summary>The tags used by guides in the library, for the filter.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken = default) =>
        await InLibrary.SelectMany(v => v.Tags).Select(t => t.Tag).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    /// <summary>Every published guide that is not retired, by number: what briefings and recipes can use.</summary>
    public async Task<IReadOnlyList<PublishedGuide>> PublishedGuidesAsync(CancellationToken cancellationToken = default) =>
        await (from v in InLibrary
               join g in db.Set<SevenMinuteGuide>() on v.GuideId equals g.Id
               orderby g.Number
               select new PublishedGuide(g.Id, g.Number, v.Title, v.Id)).ToListAsync(cancellationToken);

    /// <summary>
    /// The guide as a reader sees it: its published version while it is in the library. Its author and the training unit
    /// also see a guide not yet published or retired (its latest version). Null for anyone else, and for no such guide.
    /// </summary>
    public async Task<GuideView?> ReadAsync(int number, CancellationToken cancellationToken = default)
    {
        var guide = await db.Set<SevenMinuteGuide>().AsNoTracking().SingleOrDefaultAsync(g => g.Number == number, cancellationToken);
        if (guide is null)
        {
            return null;
        }
        var published = await VersionsOf(guide.Id).FirstOrDefaultAsync(v => v.Status == GuideVersionStatus.Published, cancellationToken);
        if (published is not null && !guide.IsRetired)
        {
            return await ViewAsync(guide, published, cancellationToken);
        }
        return MayAuthor(guide) ? await LatestAsync(number, cancellationToken) : null;
    }

    /// <summary>The guide's latest version (a draft, in review, or published), for its author and the training unit only; otherwise null.</summary>
    public async Task<GuideView?> LatestAsync(int number, CancellationToken cancellationToken = default)
    {
        var guide = await db.Set<SevenMinuteGuide>().AsNoTracking().SingleOrDefaultAsync(g => g.Number == number, cancellationToken);
        if (guide is null || !MayAuthor(guide))
        {
            return null;
        }
        var latest = await VersionsOf(guide.Id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        return await ViewAsync(guide, latest, cancellationToken);
    }

    /// <summary>The signed-in champion's guides, most recently changed first.</summary>
    public async Task<IReadOnlyList<OwnGuide>> MineAsync(CancellationToken cancellationToken = default)
    {
        var userId = currentUser.UserId ?? Guid.Empty;
        return await (from g in db.Set<SevenMinuteGuide>().AsNoTracking()
                      where g.AuthorUserId == userId
                      let latest = g.Versions.OrderByDescending(v => v.Number).First()
                      orderby latest.UpdatedAt descending
                      select new OwnGuide(g.Number, g.Format, latest.Title, latest.Number, latest.Status, latest.UpdatedAt,
                          g.Versions.Any(v => v.Status == GuideVersionStatus.Published), g.IsRetired))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<GuideVersion> VersionsOf(Guid guideId) =>
        db.Set<GuideVersion>().AsNoTracking().Include(v => v.Tags).Include(v => v.Sectors).Where(v => v.GuideId == guideId);

    private async Task<GuideView> ViewAsync(SevenMinuteGuide guide, GuideVersion version, CancellationToken cancellationToken)
    {
        var sectorIds = version.Sectors.Select(s => s.SectorId).ToList();
        var sectors = await db.AllSectors().Where(s => sectorIds.Contains(s.Id)).OrderBy(s => s.Order).ThenBy(s => s.Name)
            .Select(s => s.Name).ToListAsync(cancellationToken);
        var author = await db.Accounts().Where(a => a.Id == guide.AuthorUserId).Select(a => a.FirstName + " " + a.LastName).SingleOrDefaultAsync(cancellationToken);
        var open = version.Status is GuideVersionStatus.Draft or GuideVersionStatus.Returned or GuideVersionStatus.Published;
        return new GuideView(
            guide.Id, guide.Number, guide.Format, author ?? "A former champion", version.Number, version.Status, version.Title,
            GuideParts.For(guide.Format).Select(p => new GuidePartText(p, p.Read(version) ?? "")).ToList(),
            version.Tags.Select(t => t.Tag).Order().ToList(), sectors, sectorIds, version.ReviewComments, version.PublishedAt, guide.ReviewDate,
            guide.IsRetired, CanEdit: !guide.IsRetired && MayAuthor(guide) && (open || IsTrainingUnit), CanReview: IsTrainingUnit);
    }
}

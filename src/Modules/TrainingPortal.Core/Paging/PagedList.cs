using Microsoft.EntityFrameworkCore;

namespace TrainingPortal.Core.Paging;

/// <summary>One page of a longer list, with what the pager needs to draw itself.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>1-based position of the first item on this page, for "Showing 21 to 40 of 213".</summary>
    public int FirstItem => TotalCount == 0 ? 0 : (Page - 1) * PageSize + 1;

    public int LastItem => Math.Min(Page * PageSize, TotalCount);
}

public static class PagingExtensions
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>Counts and fetches one page in the database. Out-of-range pages are clamped.</summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(
        this IQueryable<T> query, int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }
}

using Microsoft.Extensions.Caching.Memory;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Agencies.Services;

/// <summary>
/// Sectors and workforce groups as lookups, which every catalogue and staff filter shows. They change a few times a
/// year, so they are kept for a short while; a change made by this instance clears them at once, and another
/// instance sees it within <see cref="Lifetime"/>.
/// </summary>
public sealed class ReferenceDataCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const string SectorsKey = "agencies:sectors";
    private const string GroupsKey = "agencies:workforce-groups";

    internal Task<IReadOnlyList<LookupItem<int>>> SectorsAsync(Func<Task<IReadOnlyList<LookupItem<int>>>> load) => GetAsync(SectorsKey, load);

    internal Task<IReadOnlyList<LookupItem<int>>> GroupsAsync(Func<Task<IReadOnlyList<LookupItem<int>>>> load) => GetAsync(GroupsKey, load);

    /// <summary>Forgets both lookups, after a change to either.</summary>
    public void Clear()
    {
        cache.Remove(SectorsKey);
        cache.Remove(GroupsKey);
    }

    private async Task<IReadOnlyList<LookupItem<int>>> GetAsync(string key, Func<Task<IReadOnlyList<LookupItem<int>>>> load) =>
        (await cache.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return load();
        }))!;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Caching.Memory;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Web.Composition;

/// <summary>The layout's view of the composed application: the partnership's name and the user's menu.</summary>
internal sealed class PortalShell(IReadOnlyList<IModule> modules, IAuthorizationService authorization, PortalSettings settings, IMemoryCache cache) : IPortalShell
{
    private const string CacheKey = "partnership-name";

    public async Task<string> GetPartnershipNameAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out string? name) && name is not null)
        {
            return name;
        }
        name = await settings.GetAsync(PortalSettings.PartnershipName, cancellationToken);
        if (name is null)
        {
            // Not set up yet: do not remember the absence, or the name would lag behind set-up.
            return "Neglect training";
        }
        // A short life so that a renamed partnership shows on every instance within a minute.
        return cache.Set(CacheKey, name, TimeSpan.FromMinutes(1));
    }

    public async Task<IReadOnlyList<MenuItem>> GetMenuAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }
        var items = new List<MenuItem> { new("Home", "/", null, 0) };
        foreach (var item in modules.SelectMany(m => m.MenuItems))
        {
            if (item.Permission is null || (await authorization.AuthorizeAsync(user, item.Permission)).Succeeded)
            {
                items.Add(item);
            }
        }
        return items.OrderBy(i => i.Order).ToList();
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Caching.Memory;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data.Settings;

namespace TrainingPortal.Web.Composition;

/// <summary>The layout's view of the composed application: the partnership's name and the user's menu.</summary>
internal sealed class PortalShell(IReadOnlyList<IModule> modules, IAuthorizationService authorization, PortalSettings settings, IMemoryCache cache) : IPortalShell
{
    public async Task<string> GetPartnershipNameAsync(CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync("partnership-name", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await settings.GetAsync(PortalSettings.PartnershipName, cancellationToken);
        }) ?? "Neglect training";

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

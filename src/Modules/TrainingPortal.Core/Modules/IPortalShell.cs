using System.Security.Claims;

namespace TrainingPortal.Core.Modules;

/// <summary>What the layout needs from the composed application: the partnership's name and the user's menu.</summary>
public interface IPortalShell
{
    /// <summary>The partnership's name as set at set-up ("Northshire Safeguarding Children Partnership").</summary>
    Task<string> GetPartnershipNameAsync(CancellationToken cancellationToken = default);

    /// <summary>Menu items of every enabled module that this user holds the permission for, in order.</summary>
    Task<IReadOnlyList<MenuItem>> GetMenuAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

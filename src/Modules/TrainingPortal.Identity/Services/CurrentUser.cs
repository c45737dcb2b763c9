using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TrainingPortal.Core.Security;

namespace TrainingPortal.Identity.Services;

/// <summary>The signed-in person of the current HTTP request; "system" outside a request.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => Principal?.Identity?.IsAuthenticated == true
        ? Principal.FindFirstValue(ClaimTypes.Email) ?? Principal.Identity.Name ?? "unknown"
        : "system";

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingPortal.Testing;

/// <summary>An account as its sign-in cookie describes it: id, email and roles.</summary>
public sealed record SignedInUser(Guid UserId, string Email, params string[] Roles)
{
    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, UserId.ToString()),
            new(ClaimTypes.Name, Email),
            new(ClaimTypes.Email, Email),
        };
        claims.AddRange(Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}

/// <summary>Runs code with the app's own services as one request of a signed-in person would.</summary>
public static class SignedInRequests
{
    /// <summary>
    /// Runs <paramref name="work"/> in a fresh scope (its own database context, as each request has) with
    /// <paramref name="user"/> as the request's user, so the app's real current-user, scoping and audit services see them.
    /// </summary>
    public static async Task<T> AsUserAsync<T>(this PortalApp app, SignedInUser user, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user.ToPrincipal() };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("portal.example");
        // The accessor's value flows down this call only: concurrent calls each see their own user.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        return await work(scope.ServiceProvider);
    }

    public static Task AsUserAsync(this PortalApp app, SignedInUser user, Func<IServiceProvider, Task> work) =>
        app.AsUserAsync(user, async services => { await work(services); return true; });
}

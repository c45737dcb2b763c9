using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace TrainingPortal.IntegrationTests.RouteAccess;

/// <summary>
/// Every way into the app, read from its routing (all endpoint data sources together), named the way
/// <see cref="RouteAccessTable"/> names them: "GET /agencies/{id:guid}", and "POST /agencies/{id:guid}?handler=AddTeam"
/// for each named handler of a Razor Page. Endpoints without methods (health checks, the jobs dashboard) count as GET.
/// The build's static files (fingerprinted theme assets) are listed apart: they are all public.
/// </summary>
public sealed record MappedRoutes(IReadOnlySet<string> Routes, IReadOnlyList<RouteEndpoint> StaticAssets)
{
    public static async Task<MappedRoutes> ReadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        var staticAssets = new List<RouteEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
            {
                staticAssets.Add(endpoint);
                continue;
            }
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                // A page answers GET even without an OnGet handler.
                routes.Add($"GET {pattern}");
                foreach (var handler in compiled.HandlerMethods)
                {
                    routes.Add($"{handler.HttpMethod.ToUpperInvariant()} {pattern}{(handler.Name is null ? "" : "?handler=" + handler.Name)}");
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            foreach (var method in methods.Where(m => m != HttpMethods.Head))
            {
                routes.Add($"{method} {pattern}");
            }
        }
        return new MappedRoutes(routes, staticAssets);
    }

    /// <summary>Static files that are not open to anyone (none should be).</summary>
    public IEnumerable<string> StaticAssetsNotPublic =>
        StaticAssets.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).Select(e => e.RoutePattern.RawText ?? e.DisplayName ?? "?");
}

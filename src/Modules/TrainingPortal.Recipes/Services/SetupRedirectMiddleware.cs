using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TrainingPortal.Recipes.Services;

/// <summary>Until the portal is set up, sends every page request to <c>/setup</c>.</summary>
public sealed class SetupRedirectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SetupService setup)
    {
        var path = context.Request.Path;
        var passThrough = path.StartsWithSegments("/setup") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/_content") || path.StartsWithSegments("/favicon.ico");
        if (!passThrough && !await setup.IsSetUpAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }
        await next(context);
    }
}

public static class SetupApplicationBuilderExtensions
{
    public static IApplicationBuilder UseSetupRedirect(this IApplicationBuilder app) => app.UseMiddleware<SetupRedirectMiddleware>();
}

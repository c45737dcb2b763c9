using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using TrainingPortal.Identity.OpenId;

namespace TrainingPortal.Identity.Api;

/// <summary>
/// Who may call <c>/api</c>: an OAuth client holding a token with the <c>portal_api</c> scope, or a signed-in person
/// (whose own permissions and agency scope are then checked by the endpoint's service).
/// </summary>
public static class ApiAccess
{
    public const string Policy = "PortalApi";

    internal static void AddPolicy(IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
                || context.User.HasScope(OpenIdEndpoints.ApiScope)));

    /// <summary>True when the caller is an OAuth client rather than a person.</summary>
    public static bool IsClient(this System.Security.Claims.ClaimsPrincipal user) =>
        user.HasScope(OpenIdEndpoints.ApiScope) && user.Identity?.AuthenticationType != IdentityConstants.ApplicationScheme;
}

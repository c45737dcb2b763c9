using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using TrainingPortal.Identity.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrainingPortal.Identity.OpenId;

/// <summary>
/// The OAuth 2.0 / OpenID Connect endpoints: client credentials for agency HR feeds and BI tools,
/// authorization code with PKCE for apps acting for a signed-in person.
/// </summary>
internal static class OpenIdEndpoints
{
    public const string ApiScope = "portal_api";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).DisableAntiforgery().AllowAnonymous();
        endpoints.MapPost("/connect/token", TokenAsync).DisableAntiforgery().AllowAnonymous();
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<PortalUser> users, SignInManager<PortalUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded)
        {
            return Results.Challenge(new AuthenticationProperties
            {
                RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(
                    context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList()),
            }, [IdentityConstants.ApplicationScheme]);
        }
        var user = await users.GetUserAsync(cookie.Principal!);
        if (user is null)
        {
            return Results.Challenge(authenticationSchemes: [IdentityConstants.ApplicationScheme]);
        }
        var principal = await PrincipalForUserAsync(user, users, request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, UserManager<PortalUser> users, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!);
            if (application is null)
            {
                return Forbid(Errors.InvalidClient, "Unknown client.");
            }
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application));
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? string.Empty);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The account is no longer allowed to sign in.");
            }
            var principal = await PrincipalForUserAsync(user, users, result.Principal!.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Forbid(Errors.UnsupportedGrantType, "That grant type is not supported.");
    }

    private static async Task<ClaimsPrincipal> PrincipalForUserAsync(PortalUser user, UserManager<PortalUser> users, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.FullName);
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Email when identity.HasScope(Scopes.Profile) || identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

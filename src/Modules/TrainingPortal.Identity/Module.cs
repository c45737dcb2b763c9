using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.OpenId;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Identity;

public sealed class Module : IModule
{
    public ModuleManifest Manifest { get; } = new("Identity", "Accounts, sign-in, roles, two-factor authentication and the OAuth 2.0 / OpenID Connect server", "Notifications");

    public IPermissionProvider Permissions { get; } = new Permissions();

    public IEnumerable<MenuItem> MenuItems =>
    [
        new("Users", "/admin/users", Identity.Permissions.ManageUsers.Name, 900),
        new("API clients", "/admin/api-clients", Identity.Permissions.ManageApiClients.Name, 910),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<PublicUrls>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<ApiClients>();
        services.AddScoped<IStartupTask, EnsureRoles>();

        services.AddIdentity<PortalUser, PortalRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length and the deny list are checked by NcscPasswordValidator; no composition rules (NCSC guidance).
                options.Password.RequiredLength = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Nobody signs in, and so nobody reaches a learning record, before their email address is proven.
                options.SignIn.RequireConfirmedEmail = true;
                options.Tokens.EmailConfirmationTokenProvider = EmailLinkTokenProvider.ProviderName;
                options.Tokens.PasswordResetTokenProvider = EmailLinkTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<EmailLinkTokenProvider>(EmailLinkTokenProvider.ProviderName)
            .AddPasswordValidator<NcscPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "TrainingPortal.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // API callers get status codes, not a sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            // Refusals stay on the requested address with status 403 and the "no access" page, rather than redirecting.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        var allowHttp = configuration.GetValue("OpenId:AllowHttp", false);
        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<PortalDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("/connect/authorize").SetTokenEndpointUris("/connect/token");
                options.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                options.RegisterScopes(OpenIdEndpoints.ApiScope, OpenIddict.Abstractions.OpenIddictConstants.Scopes.Email,
                    OpenIddict.Abstractions.OpenIddictConstants.Scopes.Profile, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess);
                var aspNetCore = options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough();
                if (allowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
            });
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, TokenKeys>();
        Api.ApiAccess.AddPolicy(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => OpenIdEndpoints.Map(endpoints);

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

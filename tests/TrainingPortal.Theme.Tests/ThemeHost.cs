using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core.Modules;

namespace TrainingPortal.Theme.Tests;

/// <summary>A small Razor Pages app in memory that uses the theme's layout, tag helpers and date binding.</summary>
public sealed class ThemeHost : IAsyncDisposable
{
    public const string PartnershipName = "Northshire Safeguarding Children Partnership";

    private readonly WebApplication _app;

    private ThemeHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    /// <param name="signedInAs">A user name to sign every request in as; null for an anonymous visitor.</param>
    public static async Task<ThemeHost> StartAsync(string? signedInAs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ThemeHost).Assembly.GetName().Name,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseTestServer();
        builder.Services.AddRazorPages();
        builder.Services.AddGovUkFrontend();
        builder.Services.AddSingleton<IPortalShell, FakeShell>();

        var app = builder.Build();
        if (signedInAs is not null)
        {
            app.Use((context, next) =>
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, signedInAs)], "Test"));
                return next(context);
            });
        }

        app.MapRazorPages();
        await app.StartAsync();
        return new ThemeHost(app);
    }

    public async Task<string> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<string> PostAsync(string url, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));
        using var response = await Client.PostAsync(url, content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class FakeShell : IPortalShell
    {
        public Task<string> GetPartnershipNameAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(PartnershipName);

        public Task<IReadOnlyList<MenuItem>> GetMenuAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<MenuItem>>(user.Identity?.IsAuthenticated == true
                ? [new MenuItem("Home", "/", null, 0), new MenuItem("Book a session", "/form", null, 10), new MenuItem("Staff", "/staff", null, 20)]
                : []);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrainingPortal.Testing;

public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>How to start the application under test.</summary>
public sealed record PortalAppOptions
{
    public TestDatabase Database { get; init; } = TestDatabase.Sqlite;

    /// <summary>Recipe for unattended set-up; null leaves the portal waiting at /setup.</summary>
    public string? Recipe { get; init; } = "neglect-partnership";

    public string AdminEmail { get; init; } = "admin@partnership.example";

    public string AdminPassword { get; init; } = "tidy-harbour-lantern-47";

    public string PartnershipName { get; init; } = "Testshire Safeguarding Children Partnership";

    /// <summary>SMTP port of a <see cref="MailDevServer"/>; null writes .eml files.</summary>
    public int? SmtpPort { get; init; }

    /// <summary>Run Hangfire's server (jobs run by themselves) or leave jobs for the test to run.</summary>
    public bool RunJobServer { get; init; }

    /// <summary>Serve on a real port (for a browser) instead of the in-memory test server.</summary>
    public bool UseKestrel { get; init; }

    /// <summary>Share an existing database (a second app instance) instead of creating one.</summary>
    public string? ConnectionString { get; init; }

    public TestClock? Clock { get; init; }

    /// <summary>
    /// Further configuration keys, as a deployment would set them, applied last so they can override the defaults
    /// above (for example a low rate limit, or <c>Certificates:ChromiumPath</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }
}

/// <summary>
/// The whole application in-process on a fresh SQLite file or PostgreSQL database, configured only through the
/// configuration keys a real deployment uses.
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>
{
    private readonly TempFolder dataFolder = new("trainingportal-app");
    private string? connectionString;
    private bool ownsDatabase;

    private PortalApp(PortalAppOptions options) => Options = options;

    public PortalAppOptions Options { get; }

    public string DataDirectory => dataFolder.Path;

    public string ConnectionString => connectionString!;

    /// <summary>The address a browser uses when <see cref="PortalAppOptions.UseKestrel"/> is set.</summary>
    public Uri RootUri { get; private set; } = new("http://localhost");

    public static Task<PortalApp> StartAsync(PortalAppOptions? options = null) => StartAsync(options ?? new PortalAppOptions(), reuseSetUp: true);

    /// <param name="reuseSetUp">Start from a copy of an earlier app's freshly set-up database when the set-up would be the same (<see cref="SetUpDatabases"/>).</param>
    internal static async Task<PortalApp> StartAsync(PortalAppOptions options, bool reuseSetUp)
    {
        var app = new PortalApp(options);
        if (app.Options.ConnectionString is { } shared)
        {
            app.connectionString = shared;
        }
        else if (reuseSetUp && SetUpDatabases.KeyFor(app.Options) is { } key)
        {
            var setUp = await SetUpDatabases.GetAsync(key, app.Options);
            if (app.Options.Database == TestDatabase.PostgreSql)
            {
                app.connectionString = await PostgreSqlServer.CreateDatabaseAsync("portal", template: setUp);
                app.ownsDatabase = true;
            }
            else
            {
                var file = System.IO.Path.Combine(app.DataDirectory, "trainingportal.db");
                File.Copy(setUp, file);
                app.connectionString = $"Data Source={file}";
            }
        }
        else if (app.Options.Database == TestDatabase.PostgreSql)
        {
            app.connectionString = await PostgreSqlServer.CreateDatabaseAsync("portal");
            app.ownsDatabase = true;
        }
        else
        {
            app.connectionString = $"Data Source={System.IO.Path.Combine(app.DataDirectory, "trainingportal.db")}";
        }
        try
        {
            if (app.Options.UseKestrel)
            {
                app.UseKestrel(0);
                app.StartServer();
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                app.RootUri = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
            }
            else
            {
                app.StartServer();
            }
        }
        catch
        {
            // An app that fails to start (as some tests intend) still drops its database and folder.
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", Options.Database.ToString());
        builder.UseSetting("ConnectionStrings:TrainingPortal", connectionString);
        builder.UseSetting("Jobs:RunServer", Options.RunJobServer ? "true" : "false");
        builder.UseSetting("OpenId:AllowHttp", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Error");
        builder.UseSetting("Recipes:Path", FindRecipes());
        if (Options.Recipe is { } recipe)
        {
            builder.UseSetting("Setup:Recipe", recipe);
            builder.UseSetting("Setup:AdminEmail", Options.AdminEmail);
            builder.UseSetting("Setup:AdminPassword", Options.AdminPassword);
            builder.UseSetting("Setup:PartnershipName", Options.PartnershipName);
        }
        if (Options.SmtpPort is { } port)
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Smtp:From", "Neglect training <training@partnership.example>");
            builder.UseSetting("Smtp:TimeoutSeconds", "5");
        }
        foreach (var (key, value) in Options.Settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (Options.Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where they are sent.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });

    /// <summary>Runs code with the app's services in a fresh scope, as a background job would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Leaves the PostgreSQL database in place when the app is disposed (it becomes a template).</summary>
    internal void KeepDatabase() => ownsDatabase = false;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await PostgreSqlServer.DropDatabaseAsync(connectionString!);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dataFolder.Dispose();
    }

    private static string FindRecipes()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "content-recipes");
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "TrainingPortal.sln")))
            {
                return candidate;
            }
        }
        return System.IO.Path.Combine(AppContext.BaseDirectory, "content-recipes");
    }
}

/// <summary>Signs in and posts forms the way a browser does: with the page's antiforgery token.</summary>
public static partial class HttpClientFormExtensions
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}.");
        }
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await client.PostAsync(url, content);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
}

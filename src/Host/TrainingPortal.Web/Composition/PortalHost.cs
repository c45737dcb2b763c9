using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Data.DataProtection;
using TrainingPortal.Recipes.Services;
using TrainingPortal.Theme;

namespace TrainingPortal.Web.Composition;

/// <summary>Composes the enabled modules into one web application. Module-specific wiring lives in each module's Module.cs.</summary>
public static class PortalHost
{
    public static WebApplicationBuilder AddTrainingPortal(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        builder.Host.UseSerilog((context, logger) => logger.ReadFrom.Configuration(context.Configuration).Enrich.FromLogContext().WriteTo.Console());
        // Serve the theme's and modules' static files in every environment (the manifest exists only in build output).
        builder.WebHost.UseStaticWebAssets();

        var dataDirectory = new DataDirectory(configuration["DataDirectory"] is { Length: > 0 } dir
            ? dir
            : Path.Combine(builder.Environment.ContentRootPath, "App_Data"));
        services.AddSingleton(dataDirectory);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();

        var database = DatabaseSettings.FromConfiguration(configuration, dataDirectory);
        services.AddPortalData(database, new PortalModelSources(ModuleCatalog.All.Select(m => m.GetType().Assembly).ToList()),
            KeyRingCertificate.FromConfiguration(configuration));

        var modules = ModuleCatalog.Enabled(configuration);
        services.AddSingleton(modules);
        foreach (var module in modules)
        {
            module.ConfigureServices(services, configuration);
        }

        var permissions = new PermissionCatalog(modules.Select(m => m.Permissions).OfType<IPermissionProvider>());
        services.AddSingleton(permissions);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies(permissions);
        services.AddScoped<IPortalShell, PortalShell>();

        services.AddRazorPages();
        services.AddGovUkFrontend();
        services.AddProblemDetails();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddAttemptLimits();

        AddJobs(services, configuration, database);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseTrainingPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // A UK service: dates, numbers and money read the British way, whatever the server's locale.
        app.UseRequestLocalization("en-GB");
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseSetupRedirect();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            DashboardTitle = "Background jobs",
            AppPath = "/",
        });
        app.MapRazorPages();
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IModule>>())
        {
            module.MapEndpoints(app);
        }
        return app;
    }

    /// <summary>Brings the schema up to date, then runs each module's start-up work (recurring jobs, catch-up, unattended set-up).</summary>
    public static async Task InitialiseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await DatabaseMigrator.MigrateAsync(app.Services, cancellationToken);
        using var scope = app.Services.CreateScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(cancellationToken);
        }
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        // Registered before AddHangfire so that each host owns its storage instead of sharing the static JobStorage.Current.
        services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.PostgreSql
            ? new PostgreSqlStorage(new NpgsqlConnectionFactory(JobsConnectionString(database.ConnectionString), new PostgreSqlStorageOptions { SchemaName = "hangfire" }),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(2) })
            : new InMemoryStorage());
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (configuration.GetValue("Jobs:RunServer", true))
        {
            services.AddHangfireServer((provider, options) =>
            {
                options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }
    }

    /// <summary>
    /// The same database under another application name, so that jobs draw on a connection pool of their own: a request
    /// that queues a job (as the outbox does on save) while its transaction holds a row must never wait for a pooled
    /// connection held by requests that are themselves waiting for that row.
    /// </summary>
    private static string JobsConnectionString(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName = $"{(string.IsNullOrWhiteSpace(builder.ApplicationName) ? "TrainingPortal" : builder.ApplicationName)} jobs";
        return builder.ConnectionString;
    }

    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder, PermissionCatalog permissions)
    {
        foreach (var permission in permissions.Permissions)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireRole(permissions.RolesFor(permission)));
        }
        return builder;
    }

    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}

internal sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Cannot reach the database.");
}

internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            connection.GetAllItemsFromSet("recurring-jobs");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Cannot reach the job storage.", ex));
        }
    }
}

using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingPortal.Core;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.DataProtection;

namespace TrainingPortal.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database the portal uses and how to reach it.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "TrainingPortal.Data.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "TrainingPortal.Data.Migrations.PostgreSql";

    /// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:TrainingPortal</c>; SQLite in the data directory when unset.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration, DataDirectory dataDirectory)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider must be Sqlite or PostgreSql, not '{providerText}'.");
        var connectionString = configuration.GetConnectionString("TrainingPortal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataDirectory.Path, "trainingportal.db")}"
                : throw new InvalidOperationException("ConnectionStrings:TrainingPortal is required when Database:Provider is PostgreSql.");
        }
        return new DatabaseSettings(provider, connectionString);
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
        }
    }
}

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PortalDbContext"/> on the configured provider, the audit trail and the shared key ring,
    /// encrypted at rest with <paramref name="keyRingCertificate"/> when one is given (see <see cref="KeyRingCertificate"/>).
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, DatabaseSettings settings, PortalModelSources sources,
        X509Certificate2? keyRingCertificate = null)
    {
        services.AddSingleton(settings);
        services.AddSingleton(sources);
        services.AddDbContext<PortalDbContext>((provider, options) =>
        {
            settings.Apply(options);
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddScoped<AuditTrail>();
        services.AddScoped<Settings.PortalSettings>();
        var dataProtection = services.AddDataProtection().SetApplicationName("TrainingPortal");
        if (keyRingCertificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(keyRingCertificate);
        }
        services.AddSingleton(new KeyRingProtection(keyRingCertificate));
        services.AddScoped<IStartupTask, KeyRingProtectionCheck>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}

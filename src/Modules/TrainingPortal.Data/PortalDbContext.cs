using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrainingPortal.Data.Auditing;
using TrainingPortal.Data.DataProtection;

namespace TrainingPortal.Data;

/// <summary>
/// The one database context. It owns no feature tables itself: each module contributes its
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes (and, if needed, an
/// <see cref="IModelContribution"/>) from its own assembly.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options, PortalModelSources sources) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        foreach (var assembly in sources.Assemblies)
        {
            var types = assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false }).ToList();
            if (types.Any(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))))
            {
                modelBuilder.ApplyConfigurationsFromAssembly(assembly);
            }
            foreach (var type in types.Where(t => typeof(IModelContribution).IsAssignableFrom(t)))
            {
                ((IModelContribution)Activator.CreateInstance(type)!).Configure(modelBuilder);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC: SQLite forgets the kind on the way back, PostgreSQL insists on it on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        if (Database.IsSqlite())
        {
            // SQLite cannot compare or order DateTimeOffset text (Identity's LockoutEnd); store it as a sortable number.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}

/// <summary>The module assemblies whose entity configurations make up the model. The host lists every module, enabled or not, so that the model always matches the migrations.</summary>
public sealed record PortalModelSources(IReadOnlyList<Assembly> Assemblies);

/// <summary>For model configuration that is not one entity type (e.g. a library's own model such as OpenIddict's).</summary>
public interface IModelContribution
{
    void Configure(ModelBuilder modelBuilder);
}

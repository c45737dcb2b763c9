using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core.Security;
using TrainingPortal.Data;
using TrainingPortal.Web.Composition;

namespace TrainingPortal.Testing;

/// <summary>
/// A real SQLite file with the whole portal schema, for module unit tests that exercise a service without
/// starting the web application.
/// </summary>
public sealed class ModuleDatabase : IDisposable
{
    private readonly TempFolder folder = new("trainingportal-unit");

    public ModuleDatabase()
    {
        ConnectionString = $"Data Source={folder.Combine("unit.db")}";
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

    public string ConnectionString { get; }

    public static PortalModelSources Sources { get; } = new(ModuleCatalog.All.Select(m => m.GetType().Assembly).ToList());

    public PortalDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(ConnectionString).Options;
        return new PortalDbContext(options, Sources);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}

/// <summary>A signed-in person for services that ask who is acting.</summary>
public sealed class TestUser(Guid? userId, string name, params string[] roles) : ICurrentUser
{
    public static TestUser Coordinator { get; } = new(Guid.NewGuid(), "coordinator@partnership.example", Roles.TrainingCoordinator);

    public Guid? UserId { get; } = userId;

    public string Name { get; } = name;

    public bool IsInRole(string role) => roles.Contains(role);
}

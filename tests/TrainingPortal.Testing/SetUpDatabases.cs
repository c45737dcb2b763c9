using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace TrainingPortal.Testing;

/// <summary>
/// Running a recipe is most of the time it takes to start an app, and most tests start from the same few recipes. The
/// first app of a test run set up from a recipe leaves a copy of its freshly set-up database here; later apps with the
/// same set-up start from a copy of it (a file copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL) and
/// go through the rest of start-up as usual. Only apps whose set-up cannot differ share a copy: same database, recipe,
/// administrator and partnership, the same time (<see cref="KeyFor"/>), no settings of their own, and no mail server or
/// job server that could have acted during set-up.
/// </summary>
internal static class SetUpDatabases
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Copies = new();
    private static readonly Lazy<TempFolder> Folder = new(() => new TempFolder("trainingportal-setup"));
    private static readonly List<string> Templates = [];

    static SetUpDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Clean();

    /// <summary>
    /// The key of the set-up an app would do, or null when it must set itself up. On the system clock, set-ups on the
    /// same UK day are the same; on a test clock, only set-ups at the same instant (tests start their clocks at fixed
    /// instants, and a clock does not move while its app starts).
    /// </summary>
    public static string? KeyFor(PortalAppOptions options) =>
        options is { Recipe: not null, ConnectionString: null, SmtpPort: null, RunJobServer: false } && (options.Settings is null || options.Settings.Count == 0)
            ? string.Join('|', options.Database, options.Recipe, options.AdminEmail, options.AdminPassword, options.PartnershipName,
                options.Clock is { } clock
                    ? $"at {clock.GetUtcNow().UtcTicks} in {clock.LocalTimeZone.Id}"
                    : DateOnly.FromDateTime(TrainingPortal.Core.UkTime.FromUtc(DateTime.UtcNow)).ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <summary>
    /// The SQLite file or PostgreSQL template database holding the set-up for <paramref name="key"/>, made on first
    /// use by starting (then stopping) an app with <paramref name="options"/>.
    /// </summary>
    public static async Task<string> GetAsync(string key, PortalAppOptions options)
    {
        var copy = Copies.GetOrAdd(key, _ => new Lazy<Task<string>>(() => MakeAsync(options)));
        try
        {
            return await copy.Value;
        }
        catch
        {
            // A set-up that failed is tried again by the next app rather than failing every later test the same way.
            Copies.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, copy));
            throw;
        }
    }

    private static async Task<string> MakeAsync(PortalAppOptions options)
    {
        var app = await PortalApp.StartAsync(options, reuseSetUp: false);
        if (options.Database == TestDatabase.PostgreSql)
        {
            var connectionString = app.ConnectionString;
            app.KeepDatabase();
            await app.DisposeAsync();
            await PostgreSqlServer.CloseConnectionsAsync(connectionString);
            lock (Templates)
            {
                Templates.Add(connectionString);
            }
            return new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
        }

        await using (app)
        {
            var file = Path.Combine(Folder.Value.Path, $"{Guid.NewGuid():N}.db");
            await using var source = new SqliteConnection(app.ConnectionString);
            await using var target = new SqliteConnection($"Data Source={file};Pooling=False");
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
            return file;
        }
    }

    private static void Clean()
    {
        if (Folder.IsValueCreated)
        {
            Folder.Value.Dispose();
        }
        string[] templates;
        lock (Templates)
        {
            templates = [.. Templates];
        }
        foreach (var template in templates)
        {
            try
            {
                PostgreSqlServer.DropDatabaseAsync(template).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The throwaway server may already be stopping with the process; its data goes with it.
            }
        }
    }
}

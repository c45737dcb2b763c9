using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace TrainingPortal.Testing;

/// <summary>
/// A throwaway PostgreSQL server shared by every test in the process, started on first use.
/// Each test (or test class) takes its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// When the <c>TRAININGPORTAL_TEST_POSTGRES</c> environment variable holds a connection string,
/// databases are created on that server instead (its user must be allowed to create databases).
/// Otherwise a cluster is created with <c>initdb</c> in a temp folder (as the <c>postgres</c> OS user
/// when running as root), started with <c>pg_ctl</c> on a free port bound to 127.0.0.1 with durability
/// switched off, and stopped and deleted when the process exits. A cluster left behind by a test process
/// that died is stopped and deleted by the next run, and by a watchdog that outlives the test process.
/// </remarks>
public static class PostgreSqlServer
{
    /// <summary>Environment variable naming an existing server to use instead of a throwaway one.</summary>
    public const string ConnectionStringVariable = "TRAININGPORTAL_TEST_POSTGRES";

    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static string? adminConnectionString;

    /// <summary>
    /// A connection string for the server's maintenance database (<c>postgres</c>), as a superuser for the
    /// throwaway server. Starts the server if it is not running yet.
    /// </summary>
    public static async Task<string> GetAdminConnectionStringAsync()
    {
        var current = Volatile.Read(ref adminConnectionString);
        if (current is not null)
        {
            return current;
        }

        await StartGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (adminConnectionString is null)
            {
                var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
                var started = string.IsNullOrWhiteSpace(external)
                    ? await Task.Run(LocalCluster.Start).ConfigureAwait(false)
                    : ExternalAdminConnectionString(external);
                Volatile.Write(ref adminConnectionString, started);
            }

            return adminConnectionString!;
        }
        finally
        {
            StartGate.Release();
        }
    }

    /// <summary>
    /// Creates a new, empty, uniquely named database and returns a connection string for it.
    /// </summary>
    /// <param name="namePrefix">Start of the database name (letters, digits and underscores are kept), to tell databases apart in logs.</param>
    /// <param name="template">A database to copy instead of an empty one; nothing may be connected to it.</param>
    public static async Task<string> CreateDatabaseAsync(string? namePrefix = null, string? template = null)
    {
        var admin = await GetAdminConnectionStringAsync().ConfigureAwait(false);
        var name = NewDatabaseName(namePrefix);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync().ConfigureAwait(false);
                await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}{(template is null ? "" : $" TEMPLATE {QuoteIdentifier(template)}")}", connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // "source database ... is being accessed by other users" (template1 or the template): try again shortly.
                await Task.Delay(100 * attempt).ConfigureAwait(false);
            }
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops the database named in <paramref name="connectionString"/>, closing its connections first.
    /// Does nothing if it does not exist.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database;
        if (string.IsNullOrEmpty(name) || name is "postgres" || name.StartsWith("template", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Refusing to drop the database '{name}'.", nameof(connectionString));
        }

        var admin = new NpgsqlConnectionStringBuilder(await GetAdminConnectionStringAsync().ConfigureAwait(false));

        // Pooled idle connections of this process would otherwise be reused after the drop and fail.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        target.Database = admin.Database;
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Closes every connection to the database named in <paramref name="connectionString"/>: this process's pooled
    /// ones (under any application name) and, on the server, any still open, so the database can serve as a template.
    /// </summary>
    public static async Task CloseConnectionsAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await GetAdminConnectionStringAsync().ConfigureAwait(false));
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("name", name!);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static string ExternalAdminConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        return builder.ConnectionString;
    }

    private static string NewDatabaseName(string? prefix)
    {
        var cleaned = new string((prefix ?? string.Empty).ToLowerInvariant()
            .Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_')
            .ToArray()).Trim('_');
        if (cleaned.Length == 0)
        {
            cleaned = "test";
        }
        else if (!char.IsAsciiLetter(cleaned[0]))
        {
            cleaned = "t_" + cleaned;
        }

        if (cleaned.Length > 30)
        {
            cleaned = cleaned[..30];
        }

        // 30 + 1 + 32 = 63, PostgreSQL's identifier limit.
        return $"{cleaned}_{Guid.NewGuid():N}";
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The throwaway cluster owned by this process.</summary>
    private sealed class LocalCluster
    {
        private const string FolderPrefix = "trainingportal-pg-";
        private const string OwnerFileName = "owner";
        private const string PostgresUser = "postgres";

        private readonly Lock sync = new();
        private readonly string root;
        private readonly string dataDirectory;
        private readonly string pgCtl;
        private readonly bool asPostgresUser;
        private bool stopped;

        private LocalCluster(string root, string pgCtl, bool asPostgresUser)
        {
            this.root = root;
            dataDirectory = Path.Combine(root, "data");
            this.pgCtl = pgCtl;
            this.asPostgresUser = asPostgresUser;
        }

        /// <summary>Creates and starts the cluster; returns the superuser connection string.</summary>
        public static string Start()
        {
            var (initDb, pgCtl) = FindBinaries();
            var asPostgresUser = IsRoot();
            if (asPostgresUser)
            {
                EnsurePostgresUser();
            }

            CleanUpAbandonedClusters(pgCtl, asPostgresUser);

            var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, OwnerFileName), OwnerStamp(Environment.ProcessId, CurrentProcessStartTicks()));
            var cluster = new LocalCluster(root, pgCtl, asPostgresUser);
            try
            {
                return cluster.CreateAndStart(initDb);
            }
            catch
            {
                cluster.Stop();
                throw;
            }
        }

        private string CreateAndStart(string initDb)
        {
            var stopwatch = Stopwatch.StartNew();
            var socketDirectory = Path.Combine(root, "run");
            Directory.CreateDirectory(socketDirectory);
            if (asPostgresUser)
            {
                Require(ProcessRunner.Run("chown", ["-R", $"{PostgresUser}:", root]), "chown");
            }

            Require(
                RunPostgresTool(initDb, ["-D", dataDirectory, "--auth=trust", "-U", "postgres", "--encoding=UTF8", "--no-locale", "--no-sync"]),
                "initdb");

            // Unix socket paths are limited to about 107 bytes; without a usable folder, listen on TCP only.
            var socketOption = socketDirectory.Length < 80 && !socketDirectory.Contains('\'', StringComparison.Ordinal)
                ? $"'{socketDirectory}'"
                : "''";
            var logFile = Path.Combine(root, "postgresql.log");

            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Next();
                var options = string.Join(
                    ' ',
                    $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                    $"-k {socketOption}",
                    "-c listen_addresses=127.0.0.1",
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
                    "-c max_connections=300");
                var result = RunPostgresTool(pgCtl, ["-D", dataDirectory, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
                if (result.Succeeded)
                {
                    StartWatchdog();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
                    Trace.WriteLine($"PostgreSQL test server on 127.0.0.1:{port} started in {stopwatch.ElapsedMilliseconds} ms ({root}).");
                    return new NpgsqlConnectionStringBuilder
                    {
                        Host = "127.0.0.1",
                        Port = port,
                        Username = "postgres",
                        Database = "postgres",
                        IncludeErrorDetail = true,
                    }.ConnectionString;
                }

                var log = ReadLog(logFile);
                var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                    || log.Contains("already in use", StringComparison.OrdinalIgnoreCase);
                if (!portTaken || attempt >= 5)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL test server did not start (pg_ctl exit code {result.ExitCode}).{Environment.NewLine}{result.Output}{Environment.NewLine}{log}");
                }

                // Another process took the port between choosing and binding it: stop whatever half-started and try another.
                RunPostgresTool(pgCtl, ["-D", dataDirectory, "stop", "-m", "immediate", "-w"]);
            }
        }

        /// <summary>Stops the server at once and deletes its folder. Safe to call more than once.</summary>
        private void Stop()
        {
            lock (sync)
            {
                if (stopped)
                {
                    return;
                }

                stopped = true;
            }

            if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
            {
                RunPostgresTool(pgCtl, ["-D", dataDirectory, "stop", "-m", "immediate", "-w", "-t", "20"]);
            }

            TempFolder.DeleteDirectory(root);
        }

        /// <summary>
        /// A detached shell that waits for this process to end, however it ends, then stops the server and deletes
        /// its folder. After a normal exit there is nothing left for it to do.
        /// </summary>
        private void StartWatchdog()
        {
            var setsid = ProcessRunner.FindOnPath("setsid");
            if (setsid is null)
            {
                return;
            }

            const string script = """
                owner=$1; root=$2; shift 2
                exec </dev/null >/dev/null 2>&1
                while kill -0 "$owner" 2>/dev/null; do sleep 1; done
                if [ -f "$root/data/postmaster.pid" ]; then "$@"; fi
                rm -rf "$root"
                """;
            List<string> arguments = ["-f", "sh", "-c", script, "sh", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), root];
            arguments.AddRange(PostgresToolCommand(pgCtl, ["-D", dataDirectory, "stop", "-m", "immediate", "-w", "-t", "20"]));
            ProcessRunner.Run(setsid, arguments, root, TimeSpan.FromSeconds(10));
        }

        private ProcessRunner.Result RunPostgresTool(string tool, IReadOnlyList<string> arguments) =>
            RunPostgresTool(tool, arguments, asPostgresUser, root);

        private static ProcessRunner.Result RunPostgresTool(string tool, IReadOnlyList<string> arguments, bool asPostgresUser, string workingDirectory)
        {
            var command = PostgresToolCommand(tool, arguments, asPostgresUser);
            return ProcessRunner.Run(command[0], command.Skip(1), workingDirectory, TimeSpan.FromSeconds(90));
        }

        private List<string> PostgresToolCommand(string tool, IReadOnlyList<string> arguments) =>
            PostgresToolCommand(tool, arguments, asPostgresUser);

        private static List<string> PostgresToolCommand(string tool, IReadOnlyList<string> arguments, bool asPostgresUser)
        {
            // PostgreSQL refuses to run as root: run its tools as the postgres OS user then.
            List<string> command = asPostgresUser ? ["runuser", "-u", PostgresUser, "--", tool] : [tool];
            command.AddRange(arguments);
            return command;
        }

        private static void Require(ProcessRunner.Result result, string what)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Setting up the PostgreSQL test server failed: {what} exited with code {result.ExitCode}.{Environment.NewLine}{result.Output}");
            }
        }

        private static string ReadLog(string logFile)
        {
            try
            {
                return File.Exists(logFile) ? File.ReadAllText(logFile) : string.Empty;
            }
            catch (IOException)
            {
                return string.Empty;
            }
            catch (UnauthorizedAccessException)
            {
                return string.Empty;
            }
        }

        private static (string InitDb, string PgCtl) FindBinaries()
        {
            var initDbOnPath = ProcessRunner.FindOnPath("initdb");
            if (initDbOnPath is not null)
            {
                var sibling = Path.Combine(Path.GetDirectoryName(initDbOnPath)!, "pg_ctl");
                var pgCtl = File.Exists(sibling) ? sibling : ProcessRunner.FindOnPath("pg_ctl");
                if (pgCtl is not null)
                {
                    return (initDbOnPath, pgCtl);
                }
            }

            const string debianRoot = "/usr/lib/postgresql";
            if (Directory.Exists(debianRoot))
            {
                var newest = Directory.EnumerateDirectories(debianRoot)
                    .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
                    .Where(candidate => candidate.Version is not null)
                    .Select(candidate => (candidate.Version, Bin: Path.Combine(candidate.Directory, "bin")))
                    .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "initdb")) && File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
                    .OrderByDescending(candidate => candidate.Version)
                    .Select(candidate => candidate.Bin)
                    .FirstOrDefault();
                if (newest is not null)
                {
                    return (Path.Combine(newest, "initdb"), Path.Combine(newest, "pg_ctl"));
                }
            }

            throw new InvalidOperationException(
                "The PostgreSQL server programs initdb and pg_ctl were not found on PATH or under /usr/lib/postgresql/*/bin. "
                + "Install Debian's postgresql package (apt-get install postgresql); build/test.sh does this. "
                + $"Alternatively set {ConnectionStringVariable} to the connection string of a server the tests may create databases on.");
        }

        private static Version? ParseVersion(string name) =>
            Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

        private static void EnsurePostgresUser()
        {
            if (ProcessRunner.FindOnPath("runuser") is null)
            {
                throw new InvalidOperationException(
                    "Running as root, the PostgreSQL test server must be started as the postgres OS user with runuser, which was not found (Debian's util-linux package).");
            }

            if (!ProcessRunner.Run("id", ["-u", PostgresUser]).Succeeded)
            {
                throw new InvalidOperationException(
                    "Running as root, the PostgreSQL test server must run as the 'postgres' OS user, which does not exist. "
                    + "Install Debian's postgresql package (it creates the user); build/test.sh does this.");
            }
        }

        /// <summary>Stops and deletes clusters whose test process is gone (it crashed or was killed).</summary>
        private static void CleanUpAbandonedClusters(string pgCtl, bool asPostgresUser)
        {
            try
            {
                foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
                {
                    if (!IsAbandoned(directory))
                    {
                        continue;
                    }

                    var dataDirectory = Path.Combine(directory, "data");
                    if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
                    {
                        RunPostgresTool(pgCtl, ["-D", dataDirectory, "stop", "-m", "immediate", "-w", "-t", "20"], asPostgresUser, directory);
                    }

                    TempFolder.DeleteDirectory(directory);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Best effort: a leftover folder must not stop this run.
                Trace.WriteLine($"Cleaning up old PostgreSQL test servers failed: {ex.Message}");
            }
        }

        private static bool IsAbandoned(string directory)
        {
            var ownerFile = Path.Combine(directory, OwnerFileName);
            if (!File.Exists(ownerFile))
            {
                // Either being created this instant, or a creation that died before writing the owner.
                return Directory.GetCreationTimeUtc(directory) < DateTime.UtcNow.AddMinutes(-10);
            }

            var lines = File.ReadAllLines(ownerFile);
            if (lines.Length < 2
                || !int.TryParse(lines[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                || !long.TryParse(lines[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var startTicks))
            {
                return true;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                var alive = !process.HasExited
                    && Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks) < TimeSpan.FromSeconds(5).Ticks;
                return !alive;
            }
            catch (ArgumentException)
            {
                return true;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }

        private static string OwnerStamp(int pid, long startTicks) =>
            string.Create(CultureInfo.InvariantCulture, $"{pid}\n{startTicks}\n");

        private static long CurrentProcessStartTicks()
        {
            using var current = Process.GetCurrentProcess();
            return current.StartTime.ToUniversalTime().Ticks;
        }

        private static bool IsRoot()
        {
            try
            {
                return geteuid() == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        [DllImport("libc", SetLastError = false)]
        private static extern uint geteuid();
    }
}

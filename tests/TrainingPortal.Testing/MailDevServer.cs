using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace TrainingPortal.Testing;

/// <summary>
/// A local SMTP server for email tests: npm <c>maildev</c>, installed by <c>npm ci</c> in the <c>tests</c> folder,
/// listening on free ports on 127.0.0.1 only. Received mail is read through its web API.
/// </summary>
/// <remarks>
/// Each instance keeps its received mail in its own temp folder, so mail received before
/// <see cref="StopAsync"/> is still listed after <see cref="RestartAsync"/>.
/// </remarks>
public sealed class MailDevServer : IAsyncDisposable
{
    private const string Loopback = "127.0.0.1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // Servers not disposed by the time the process exits are killed then, so no maildev outlives the test run.
    private static readonly ConcurrentDictionary<MailDevServer, byte> Live = new();

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string executable;
    private readonly TempFolder folder = new("trainingportal-maildev");
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly Queue<string> log = new();
    private Process? process;
    private bool disposed;

    private MailDevServer(string executable, int smtpPort, int webPort)
    {
        this.executable = executable;
        SmtpPort = smtpPort;
        WebPort = webPort;
        Live[this] = 0;
    }

    static MailDevServer()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in Live.Keys)
            {
                server.KillAtExit();
            }
        };
    }

    /// <summary>The SMTP server's address: always 127.0.0.1.</summary>
    public string Host => Loopback;

    /// <summary>The SMTP port (plain SMTP, no authentication, no TLS). It stays the same across restarts.</summary>
    public int SmtpPort { get; }

    /// <summary>The port of the web interface and API (may change on restart if another process took it).</summary>
    public int WebPort { get; private set; }

    /// <summary>The web interface, e.g. to look at mail while debugging a test.</summary>
    public Uri WebAddress => new($"http://{Loopback}:{WebPort.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>True between a start and a stop.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts a server on free ports and returns once it accepts SMTP connections and its API answers.</summary>
    public static async Task<MailDevServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        for (var attempt = 1; ; attempt++)
        {
            var server = new MailDevServer(executable, FreePort.Next(), FreePort.Next());
            try
            {
                await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (PortTakenException) when (attempt < 5)
            {
                // Another process took a port between choosing and binding it.
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Kills the server, as in an outage: returns once the SMTP port refuses connections.
    /// Does nothing if it is already stopped.
    /// </summary>
    public async Task StopAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            await KillAsync().ConfigureAwait(false);

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (await FreePort.IsAcceptingAsync(SmtpPort).ConfigureAwait(false))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"MailDev was stopped but port {SmtpPort} still accepts connections.");
                }

                await Task.Delay(50).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Starts the server again on the same SMTP port (stopping it first if it is running) and returns once it accepts
    /// connections. Mail received earlier is kept.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            await KillAsync().ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await LaunchAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (PortTakenException ex) when (attempt < 10)
                {
                    if (ex.Port == WebPort)
                    {
                        WebPort = FreePort.Next();
                    }
                    else
                    {
                        await Task.Delay(500, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>All mail received so far, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> GetEmailsAsync(CancellationToken cancellationToken = default)
    {
        EnsureRunning();
        using var response = await http.GetAsync(ApiUri("email"), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.EnumerateArray().Select(Parse).ToList();
    }

    /// <summary>
    /// Polls until a received message matches <paramref name="match"/> and returns it; throws <see cref="TimeoutException"/>
    /// (listing what was received) if none does within <paramref name="timeout"/>. Keeps polling through an outage.
    /// </summary>
    public async Task<ReceivedEmail> WaitForEmailAsync(Func<ReceivedEmail, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<ReceivedEmail> received = [];
        while (true)
        {
            try
            {
                received = await GetEmailsAsync(cancellationToken).ConfigureAwait(false);
                var found = received.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }
            }
            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException or InvalidOperationException and not ObjectDisposedException)
                && !cancellationToken.IsCancellationRequested)
            {
                // Stopped or restarting: keep waiting.
            }

            if (stopwatch.Elapsed >= timeout)
            {
                var summary = received.Count == 0
                    ? "No mail was received."
                    : "Received: " + string.Join("; ", received.Select(e => e.ToString()));
                throw new TimeoutException($"No matching email arrived within {timeout.TotalSeconds:0.#} s. {summary}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes every received message.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        EnsureRunning();
        using var response = await http.DeleteAsync(ApiUri("email/all"), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The raw message (RFC 5322 source, as received).</summary>
    public async Task<string> GetSourceAsync(ReceivedEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        EnsureRunning();
        return await http.GetStringAsync(ApiUri($"email/{Uri.EscapeDataString(email.Id)}/source"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The content of the attachment named <paramref name="fileName"/> (the sender's file name).</summary>
    public async Task<byte[]> GetAttachmentAsync(ReceivedEmail email, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var attachment = email.Attachments.FirstOrDefault(a => a.FileName == fileName || a.GeneratedFileName == fileName)
            ?? throw new ArgumentException($"{email} has no attachment named '{fileName}'.", nameof(fileName));
        EnsureRunning();
        var uri = ApiUri($"email/{Uri.EscapeDataString(email.Id)}/attachment/{Uri.EscapeDataString(attachment.GeneratedFileName)}");
        return await http.GetByteArrayAsync(uri, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the server and deletes its mail.</summary>
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            Live.TryRemove(this, out _);
            await KillAsync().ConfigureAwait(false);
            http.Dispose();
            folder.Dispose();
        }
        finally
        {
            gate.Release();
        }
    }

    public override string ToString() => $"MailDev smtp://{Loopback}:{SmtpPort} web {WebAddress}";

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // maildev also reads a config file from its working folder and the folders above it.
            WorkingDirectory = folder.Path,
        };
        foreach (var argument in new[]
                 {
                     "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture),
                     "--ip", Loopback,
                     "--web", WebPort.ToString(CultureInfo.InvariantCulture),
                     "--web-ip", Loopback,
                     "--mail-directory", folder.Combine("mail"),
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Settings from the environment (MAILDEV_*) would override the command line's, e.g. with web authentication.
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("MAILDEV_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        lock (log)
        {
            log.Clear();
        }

        var started = new Process { StartInfo = startInfo };
        started.OutputDataReceived += (_, e) => AppendLog(e.Data);
        started.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        try
        {
            started.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            started.Dispose();
            throw new InvalidOperationException($"Could not start {executable}: {ex.Message}. Is Node.js installed?", ex);
        }

        started.StandardInput.Close();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;

        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (started.HasExited)
            {
                await started.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                var output = ReadLog();
                var exitCode = started.ExitCode;
                await KillAsync().ConfigureAwait(false);
                var takenPort = new[] { SmtpPort, WebPort }
                    .FirstOrDefault(port => output.Contains("EADDRINUSE", StringComparison.Ordinal)
                        && output.Contains(":" + port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                if (output.Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    throw new PortTakenException(takenPort, output);
                }

                throw new InvalidOperationException($"MailDev exited during start-up with code {exitCode}.{Environment.NewLine}{output}");
            }

            if (await FreePort.IsAcceptingAsync(SmtpPort, cancellationToken).ConfigureAwait(false) && await ApiAnswersAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (stopwatch.Elapsed > StartTimeout)
            {
                var output = ReadLog();
                await KillAsync().ConfigureAwait(false);
                throw new TimeoutException($"MailDev did not start within {StartTimeout.TotalSeconds:0} s.{Environment.NewLine}{output}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ApiAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var response = await http.GetAsync(ApiUri("email"), timeout.Token).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task KillAsync()
    {
        var current = process;
        process = null;
        if (current is null)
        {
            return;
        }

        try
        {
            if (!current.HasExited)
            {
                current.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await current.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // The output pipes did not close in time; the process itself has been killed.
        }
        finally
        {
            current.Dispose();
        }
    }

    private void KillAtExit()
    {
        try
        {
            var current = process;
            if (current is { HasExited: false })
            {
                current.Kill(entireProcessTree: true);
                current.WaitForExit(5000);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        folder.Dispose();
    }

    private void EnsureRunning()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!IsRunning)
        {
            throw new InvalidOperationException("MailDev is stopped.");
        }
    }

    private Uri ApiUri(string path) => new(WebAddress, "api/" + path);

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Enqueue(line);
            while (log.Count > 200)
            {
                log.Dequeue();
            }
        }
    }

    private string ReadLog()
    {
        lock (log)
        {
            return string.Join(Environment.NewLine, log);
        }
    }

    private static ReceivedEmail Parse(JsonElement email)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (email.TryGetProperty("headers", out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headerObject.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind switch
                {
                    JsonValueKind.String => header.Value.GetString()!,
                    JsonValueKind.Array => string.Join("\n", header.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                    _ => header.Value.GetRawText(),
                };
            }
        }

        var attachments = new List<ReceivedAttachment>();
        if (email.TryGetProperty("attachments", out var attachmentArray) && attachmentArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachmentArray.EnumerateArray())
            {
                var generated = String(attachment, "generatedFileName") ?? string.Empty;
                attachments.Add(new ReceivedAttachment(
                    String(attachment, "filename") ?? generated,
                    generated,
                    String(attachment, "contentType") ?? "application/octet-stream",
                    attachment.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : 0));
            }
        }

        var time = String(email, "time");
        return new ReceivedEmail(
            String(email, "id") ?? string.Empty,
            String(email, "subject") ?? string.Empty,
            Addresses(email, "from").FirstOrDefault() ?? string.Empty,
            Addresses(email, "to"),
            Addresses(email, "cc"),
            String(email, "text"),
            String(email, "html"),
            attachments,
            time is null ? default : DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            headers);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Addresses(JsonElement email, string name)
    {
        if (!email.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return list.EnumerateArray()
            .Select(a => a.ValueKind == JsonValueKind.Object ? String(a, "address") : a.ValueKind == JsonValueKind.String ? a.GetString() : null)
            .OfType<string>()
            .ToList();
    }

    /// <summary>Locates <c>tests/node_modules/.bin/maildev</c> from the test assembly's folder.</summary>
    private static string FindExecutable()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var testsFolder = directory.Name == "tests" && File.Exists(Path.Combine(directory.FullName, "package.json"))
                ? directory.FullName
                : File.Exists(Path.Combine(directory.FullName, "tests", "package.json"))
                    ? Path.Combine(directory.FullName, "tests")
                    : null;
            if (testsFolder is null)
            {
                continue;
            }

            var executable = Path.Combine(testsFolder, "node_modules", ".bin", "maildev");
            if (!File.Exists(executable))
            {
                throw new InvalidOperationException(
                    $"maildev is not installed: run 'npm ci' in {testsFolder} (build/test.sh does this).");
            }

            return executable;
        }

        throw new InvalidOperationException(
            $"Could not find the repository's tests/package.json above {AppContext.BaseDirectory}, which lists maildev.");
    }

    private sealed class PortTakenException(int port, string output)
        : Exception($"A port MailDev needs is already in use ({port}).{Environment.NewLine}{output}")
    {
        public int Port { get; } = port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace TrainingPortal.Benchmarks;

/// <summary>
/// The site under test: a Release build of the host on a real port over a scale database made by seed-scale,
/// started as its own process so the benchmark's load generator does not share its runtime.
/// </summary>
internal sealed partial class Site : IAsyncDisposable
{
    public const string Password = "bench-marking-lantern-42";

    private readonly Process process;
    private readonly string dataDirectory;

    private Site(Process process, Uri root, string dataDirectory)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        Root = root;
    }

    public Uri Root { get; }

    /// <summary>Builds the site (Release) and seeds the scale data; returns the host's dll and the environment it runs with.</summary>
    public static async Task<(string Dll, Dictionary<string, string> Environment)> SeedAsync(string repository, BenchmarkOptions options)
    {
        var host = Path.Combine(repository, "src", "Host", "TrainingPortal.Web");
        Console.WriteLine("Building the site (Release)…");
        await Processes.RunAsync("dotnet", ["build", host, "-c", "Release", "--nologo", "-v", "q"]);
        var dll = Path.Combine(host, "bin", "Release", "net10.0", "TrainingPortal.Web.dll");
        var environment = new Dictionary<string, string>
        {
            ["DataDirectory"] = options.DataDirectory,
            ["Setup__AdminEmail"] = "admin@scale.example",
            ["Setup__AdminPassword"] = Password,
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Every benchmark user signs in (and registers) from loopback, far faster than the per-address limits allow.
            ["RateLimiting__SignInPermits"] = "1000000",
            ["RateLimiting__RegistrationPermits"] = "1000000",
        };
        // Seeding is idempotent per module, so data from an older build gains what newer modules add.
        Console.WriteLine("Seeding scale data…");
        var watch = Stopwatch.StartNew();
        Console.Write(await Processes.RunAsync("dotnet", [dll, "seed-scale", "--agencies", options.Agencies.ToString(), "--practitioners", options.Practitioners.ToString()], environment, host));
        Console.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:0.0} s");
        return (dll, environment);
    }

    public static async Task<Site> PrepareAsync(string repository, BenchmarkOptions options)
    {
        var (dll, environment) = await SeedAsync(repository, options);
        var host = Path.Combine(repository, "src", "Host", "TrainingPortal.Web");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = host };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["Jobs__RunServer"] = "false";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new Site(process, new Uri($"http://127.0.0.1:{port}"), options.DataDirectory);
        using var http = new HttpClient();
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(site.Root, "/health/ready"))).IsSuccessStatusCode)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        await site.DisposeAsync();
        throw new InvalidOperationException("The site did not become ready.");
    }

    /// <summary>
    /// Signs in as a seeded practitioner (the first time registering an account for their email and following the
    /// emailed confirmation link, which links it to their learning record) and returns the cookie header.
    /// </summary>
    public async Task<string> SignInAsPractitionerAsync(string email, Guid agencyId, CookieContainer? jar = null)
    {
        var cookies = jar ?? new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Root };
        var signIn = await PostAsync(http, "/account/login", new() { ["Email"] = email, ["Password"] = Password });
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            var registered = await PostAsync(http, "/account/register", new()
            {
                ["Input.FirstName"] = "Scale", ["Input.LastName"] = "Practitioner", ["Input.Email"] = email,
                ["Input.AgencyId"] = agencyId.ToString(), ["Input.JobTitle"] = "Health visitor", ["Input.Password"] = Password,
            });
            var link = registered.StatusCode == HttpStatusCode.Redirect ? ConfirmationLink(email) : null;
            var confirmed = link is null ? null : await PostAsync(http, link, new() { ["Password"] = Password });
            if (confirmed?.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException("Could not register the benchmark practitioner.");
            }
        }
        return string.Join("; ", cookies.GetCookies(Root).Select(c => $"{c.Name}={c.Value}"));
    }

    /// <summary>The confirmation link the site queued for <paramref name="email"/>, read from its outbox as a mailbox would.</summary>
    private string? ConfirmationLink(string email)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, "trainingportal.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"TextBody\" FROM \"OutboxMessages\" WHERE \"ToAddress\" = $email ORDER BY \"CreatedAt\" DESC LIMIT 1";
        command.Parameters.AddWithValue("$email", email);
        var body = command.ExecuteScalar() as string;
        var match = body is null ? null : ConfirmationLinkPattern().Match(body);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    /// <summary>Signs in as the scale data's administrator and returns the cookie header.</summary>
    public async Task<string> SignInAsAdminAsync()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Root };
        var signIn = await PostAsync(http, "/account/login", new() { ["Email"] = "admin@scale.example", ["Password"] = Password });
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Could not sign in as the benchmark administrator.");
        }
        return string.Join("; ", cookies.GetCookies(Root).Select(c => $"{c.Name}={c.Value}"));
    }

    public async Task<Guid> FirstAgencyIdAsync()
    {
        using var http = new HttpClient { BaseAddress = Root };
        var page = await http.GetStringAsync("/account/register");
        return Guid.Parse(AgencyOption().Match(page).Groups[1].Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, Dictionary<string, string> fields)
    {
        var page = await http.GetStringAsync(path);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        return await http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"[^>]*>Scale agency 001</option>")]
    private static partial Regex AgencyOption();

    [GeneratedRegex(@"https?://[^\s/]+(/account/confirm-email\?\S+)")]
    private static partial Regex ConfirmationLinkPattern();
}

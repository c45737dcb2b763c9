using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace TrainingPortal.IntegrationTests.RouteAccess;

/// <summary>
/// Every route the app maps, tried by anonymous and by each role with ids that belong to another agency and another
/// person, against <see cref="RouteAccessTable"/>.
/// </summary>
public class RouteAccessTests(ITestOutputHelper output)
{
    private static readonly string[] SeeEveryone = [Core.Security.Roles.TrainingCoordinator, Core.Security.Roles.Administrator];

    [Fact]
    public async Task Every_route_the_app_maps_has_a_line_in_the_access_table()
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Recipe = null });

        var problems = TableProblems(await MappedRoutes.ReadAsync(app.Services));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Each_role_gets_only_what_the_access_table_allows_on_every_route_with_another_agencys_and_persons_ids(TestDatabase database)
    {
        var clock = Stopwatch.StartNew();
        using var printer = new TempFolder("route-access-printer");
        await using var app = await PortalApp.StartAsync(new PortalAppOptions
        {
            Database = database, Recipe = "demo", Settings = new Dictionary<string, string> { ["Certificates:ChromiumPath"] = StandInPrinter(printer) },
        });
        output.WriteLine($"Started in {clock.Elapsed.TotalSeconds:0.0} s");
        var data = await OtherPeoplesData.ArrangeAsync(app);
        var testers = await Tester.SignInEachRoleAsync(app, data);
        var mapped = await MappedRoutes.ReadAsync(app.Services);
        var rules = RouteAccessTable.Rules.Where(r => mapped.Routes.Contains(r.Route)).ToList();
        output.WriteLine($"Arranged in {clock.Elapsed.TotalSeconds:0.0} s");
        var problems = new ConcurrentQueue<string>(TableProblems(mapped));

        await Task.WhenAll(testers.Select(tester => ReadEveryRouteAsync(tester, rules, data, problems)));
        await ReadWithIdsThatExistNowhereAsync(testers, rules, data, problems);
        await AssertTheNameCheckWouldSeeTheNurseAsync(testers, data);
        var asset = "/" + mapped.StaticAssets.First(e => !(e.RoutePattern.RawText ?? "").EndsWith(".gz", StringComparison.Ordinal)).RoutePattern.RawText;
        Check(problems, testers[0], "GET", asset, Expectation.Of(Answer.Ok), await testers[0].Client.GetAsync(asset));
        output.WriteLine($"Read {rules.Count(r => r.IsRead)} routes in {clock.Elapsed.TotalSeconds:0.0} s");

        var before = await data.SnapshotAsync(app);
        foreach (var tester in testers)
        {
            await WriteEveryRouteAsync(tester, rules, data, problems);
        }
        var after = await data.SnapshotAsync(app);
        if (before != after)
        {
            problems.Enqueue($"Refused POSTs changed something:{Environment.NewLine}  before: {before}{Environment.NewLine}  after:  {after}");
        }
        output.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(problems.IsEmpty, $"{problems.Count} problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Order(StringComparer.Ordinal))}");
    }

    /// <summary>
    /// A stand-in for Chromium that writes a tiny PDF at once: this test is about who gets a certificate, not how it
    /// prints (ELearningTests prints a real one), and a real browser for each request would take much of the time.
    /// </summary>
    private static string StandInPrinter(TempFolder folder)
    {
        var path = folder.Combine("print-to-pdf");
        File.WriteAllText(path, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4\\n' > \"${a#--print-to-pdf=}\";; esac; done\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Routes with no line (listed ready to paste), lines for routes no longer mapped, and static files not open to all.</summary>
    private static List<string> TableProblems(MappedRoutes mapped)
    {
        var listed = RouteAccessTable.Rules.Select(r => r.Route).ToList();
        var problems = new List<string>();
        var missing = mapped.Routes.Except(listed).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"The app maps {missing.Count} route(s) with no line in {nameof(RouteAccessTable)}; add a line for each, saying who may use it:"
                + string.Concat(missing.Select(r => $"{Environment.NewLine}  {r}    e.g. {LineFor(r)}")));
        }
        problems.AddRange(listed.Except(mapped.Routes).Select(r => $"{nameof(RouteAccessTable)} has a line for {r}, which the app does not map: remove it or correct it."));
        problems.AddRange(listed.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{nameof(RouteAccessTable)} lists {g.Key} {g.Count()} times."));
        problems.AddRange(mapped.StaticAssetsNotPublic.Select(a => $"Static file {a} is not open to everyone."));
        return problems;
    }

    /// <summary>A table line to start from for a route: "Get("/x", Who)," (an address too when the pattern has parameters).</summary>
    private static string LineFor(string route)
    {
        var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
        var address = pattern.Contains('{') ? ", \"/address/with/{Token}s\"" : "";
        return method switch
        {
            "GET" => $"Get(\"{pattern}\", <who>{address}),",
            "POST" => $"Post(\"{pattern}\", <who>{address}),",
            _ => $"new(\"{route}\", <who>{address}),",
        };
    }

    private static async Task ReadEveryRouteAsync(Tester tester, IEnumerable<RouteRule> rules, OtherPeoplesData data, ConcurrentQueue<string> problems)
    {
        foreach (var rule in rules.Where(r => r.IsRead))
        {
            foreach (var (url, who, ok) in rule.Probes())
            {
                var address = RouteRule.Fill(url, data.Tokens);
                using var response = await tester.Client.GetAsync(address);
                Check(problems, tester, rule.Method, address, Expectation.For(tester, who, ok, address, write: false), response);
                if (response.StatusCode == HttpStatusCode.OK && !SeeEveryone.Contains(tester.Role) && !rule.NamesPeopleByDesign
                    && await NamesTheNurseAsync(response, data))
                {
                    problems.Enqueue($"{tester.Name} GET {address}: shows {data.NurseName}, a nurse at another agency.");
                }
            }
        }
    }

    /// <summary>Those who see everyone's data get 404 (or the line's <see cref="RouteRule.Missing"/>) for ids that exist nowhere.</summary>
    private static async Task ReadWithIdsThatExistNowhereAsync(IReadOnlyList<Tester> testers, IEnumerable<RouteRule> rules, OtherPeoplesData data, ConcurrentQueue<string> problems)
    {
        var missing = data.MissingTokens;
        foreach (var rule in rules.Where(r => r.IsRead))
        {
            var (url, who, _) = rule.Probes().First();
            if (!RouteRule.TokensIn(url).Any() || testers.FirstOrDefault(t => t.Role is { } role && who.SeeOthers.Contains(role)) is not { } tester)
            {
                continue;
            }
            var address = RouteRule.Fill(url, missing);
            using var response = await tester.Client.GetAsync(address);
            Check(problems, tester, rule.Method, address, Expectation.Of(rule.Missing), response);
        }
    }

    /// <summary>
    /// Sends each POST (with the tester's antiforgery token) that the table says must be refused to them: anonymous,
    /// roles not let in, and roles let in but not to someone else's data. Public routes are posted to anonymously only.
    /// </summary>
    private static async Task WriteEveryRouteAsync(Tester tester, IEnumerable<RouteRule> rules, OtherPeoplesData data, ConcurrentQueue<string> problems)
    {
        foreach (var rule in rules.Where(r => !r.IsRead))
        {
            foreach (var (url, who, ok) in rule.Probes())
            {
                var address = RouteRule.Fill(url, data.Tokens);
                var expected = Expectation.For(tester, who, ok, address, write: true);
                if (who.IsPublic ? tester.Role is not null : expected.IsSuccess)
                {
                    continue;
                }
                var fields = rule.Form.Select(f => KeyValuePair.Create(RouteRule.Fill(f.Key, data.Tokens, escape: false), RouteRule.Fill(f.Value, data.Tokens, escape: false)))
                    .Append(KeyValuePair.Create("__RequestVerificationToken", tester.Token));
                using var request = new HttpRequestMessage(new HttpMethod(rule.Method), address) { Content = new FormUrlEncodedContent(fields) };
                using var response = await tester.Client.SendAsync(request);
                Check(problems, tester, rule.Method, address, expected, response);
            }
        }
    }

    /// <summary>The training unit's view of the nurse's staff record names her, so a page showing her to anyone else would be noticed.</summary>
    private static async Task AssertTheNameCheckWouldSeeTheNurseAsync(IReadOnlyList<Tester> testers, OtherPeoplesData data)
    {
        var coordinator = testers.Single(t => t.Role == Core.Security.Roles.TrainingCoordinator);
        using var record = await coordinator.Client.GetAsync(RouteRule.Fill("/agencies/{OtherAgency}/practitioners/{OtherPerson}", data.Tokens));
        Assert.True(await NamesTheNurseAsync(record, data), $"The coordinator's view of {data.NurseName}'s record does not name her: the check for names shown to others would miss them.");
    }

    private static void Check(ConcurrentQueue<string> problems, Tester tester, string method, string address, Expectation expected, HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString;
        if (!expected.Matches((int)response.StatusCode, location))
        {
            problems.Enqueue($"{tester.Name} {method} {address}: expected {expected.Description}, got {(int)response.StatusCode}{(location is null ? "" : " to " + location)}.");
        }
    }

    private static async Task<bool> NamesTheNurseAsync(HttpResponseMessage response, OtherPeoplesData data)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("json", StringComparison.Ordinal))
        {
            return false;
        }
        var body = await response.Content.ReadAsStringAsync();
        return body.Contains(data.NurseName, StringComparison.OrdinalIgnoreCase) || body.Contains(data.NurseEmail, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The status (and, for redirects, where to) a tester should get.</summary>
    private sealed record Expectation(string Description, Func<int, string?, bool> Matches, bool IsSuccess = false)
    {
        private static bool ToSignIn(string? location) => location?.Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true;

        public static Expectation Of(Answer answer) => answer switch
        {
            Answer.Ok => new("200", (s, _) => s == 200, IsSuccess: true),
            Answer.Redirect => new("302 within the site", (s, l) => s == 302 && !ToSignIn(l), IsSuccess: true),
            Answer.OkOrRedirect => new("200 or 302 within the site", (s, l) => s == 200 || (s == 302 && !ToSignIn(l)), IsSuccess: true),
            Answer.SignIn => new("302 to sign in", (s, l) => s == 302 && ToSignIn(l), IsSuccess: true),
            Answer.Forbidden => new("403", (s, _) => s == 403, IsSuccess: true),
            Answer.NotFound => new("404", (s, _) => s == 404),
            Answer.BadRequest => new("400", (s, _) => s == 400),
            _ => throw new ArgumentOutOfRangeException(nameof(answer)),
        };

        public static Expectation For(Tester tester, Who who, Answer ok, string address, bool write)
        {
            if (who.IsPublic)
            {
                return Of(ok);
            }
            if (tester.Role is not { } role)
            {
                return address.StartsWith("/api/", StringComparison.Ordinal) || address == "/api"
                    ? new("401", (s, _) => s == 401)
                    : new("302 to sign in", (s, l) => s == 302 && ToSignIn(l));
            }
            if (!who.Roles.Contains(role))
            {
                return new("403", (s, _) => s == 403);
            }
            if (!who.SeeOthers.Contains(role))
            {
                return write ? new("400, 403 or 404", (s, _) => s is 400 or 403 or 404) : new("403 or 404", (s, _) => s is 403 or 404);
            }
            return Of(ok);
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace TrainingPortal.Benchmarks;

/// <summary>
/// The coordinator's sessions overview at scale (wrk, against a trivial endpoint of the same app), and booking
/// throughput: many signed-in practitioners booking places on the same sessions at once, through the real pages.
/// </summary>
internal static partial class SessionsScenario
{
    public const int Practitioners = 100;
    public const int SessionsEach = 5;
    public const int InFlight = 50;

    public static async Task RunAsync(Site site, BenchmarkOptions options)
    {
        var admin = await site.SignInAsAdminAsync();
        foreach (var path in new[] { "/health/live", "/sessions", "/sessions?past=true" })
        {
            await Wrk.RunAsync("warm-up", new Uri(site.Root, path), admin, 10, 3);
        }
        var trivial = await Wrk.RunAsync("trivial (/health/live)", new Uri(site.Root, "/health/live"), null, options.Connections, options.Seconds);
        var upcoming = await Wrk.RunAsync("overview (/sessions)", new Uri(site.Root, "/sessions"), admin, options.Connections, options.Seconds);
        var past = await Wrk.RunAsync("overview, past", new Uri(site.Root, "/sessions?past=true"), admin, options.Connections, options.Seconds);

        Console.WriteLine($"Signing in {Practitioners} practitioners…");
        var agency = await site.FirstAgencyIdAsync();
        var people = new List<HttpClient>();
        for (var i = 2; i < Practitioners + 2; i++)
        {
            var cookies = new CookieContainer();
            await site.SignInAsPractitionerAsync($"scale.person{i}@scale.example", agency, cookies);
            people.Add(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site.Root });
        }
        var coursePage = await people[0].GetStringAsync("/courses/NEG-DC");
        var sessions = SessionLink().Matches(coursePage).Select(m => m.Groups[1].Value).Distinct().Take(SessionsEach).ToList();
        var attempts = people.SelectMany(person => sessions.Select(session => (person, session))).ToList();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(bool Placed, double Ms)>();
        using var gate = new SemaphoreSlim(InFlight);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(attempts.Select(async attempt =>
        {
            await gate.WaitAsync();
            try
            {
                var started = Stopwatch.GetTimestamp();
                var page = await attempt.person.GetStringAsync($"/sessions/{attempt.session}");
                var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
                var response = await attempt.person.PostAsync($"/sessions/{attempt.session}?handler=Book",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                outcomes.Add((response.StatusCode == HttpStatusCode.Redirect, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
            finally
            {
                gate.Release();
            }
        }));
        watch.Stop();
        var times = outcomes.Select(o => o.Ms).Order().ToList();
        Console.WriteLine();
        Console.WriteLine($"{options.Connections} connections, {options.Seconds} s each, {Environment.ProcessorCount} cores");
        foreach (var result in new[] { trivial, upcoming, past })
        {
            Console.WriteLine(result);
        }
        Console.WriteLine($"overview / trivial throughput: {upcoming.RequestsPerSecond / trivial.RequestsPerSecond:P0}");
        Console.WriteLine($"Booking: {attempts.Count} attempts ({Practitioners} people × {sessions.Count} sessions, {InFlight} at a time) in {watch.Elapsed.TotalSeconds:0.0} s: "
            + $"{attempts.Count / watch.Elapsed.TotalSeconds:0} bookings/s (page + post), {outcomes.Count(o => o.Placed)} booked or waitlisted, "
            + $"{outcomes.Count(o => !o.Placed)} refused (prerequisite or overlap); p50 {times[times.Count / 2]:0} ms, p99 {times[(int)(times.Count * 0.99)]:0} ms");
        foreach (var person in people)
        {
            person.Dispose();
        }
    }

    [GeneratedRegex("href=\"/sessions/([0-9a-f-]{36})\"")]
    private static partial Regex SessionLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

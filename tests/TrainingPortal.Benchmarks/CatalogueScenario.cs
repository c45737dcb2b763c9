namespace TrainingPortal.Benchmarks;

/// <summary>
/// Issue target: at 50 concurrent connections, at least 5,000 requests/s with p99 under 50 ms for the catalogue page,
/// reported next to a trivial endpoint of the same app measured in the same run (the ratio is what counts).
/// </summary>
internal static class CatalogueScenario
{
    public static async Task RunAsync(Site site, BenchmarkOptions options)
    {
        var cookie = await site.SignInAsPractitionerAsync("scale.person1@scale.example", await site.FirstAgencyIdAsync());
        // Warm up every path once so JIT and caches do not count against the first run.
        foreach (var path in new[] { "/health/live", "/courses", "/my-learning" })
        {
            await Wrk.RunAsync("warm-up", new Uri(site.Root, path), cookie, 10, 3);
        }
        var trivial = await Wrk.RunAsync("trivial (/health/live)", new Uri(site.Root, "/health/live"), null, options.Connections, options.Seconds);
        var catalogue = await Wrk.RunAsync("catalogue (/courses)", new Uri(site.Root, "/courses"), cookie, options.Connections, options.Seconds);
        var learning = await Wrk.RunAsync("my learning (/my-learning)", new Uri(site.Root, "/my-learning"), cookie, options.Connections, options.Seconds);
        Console.WriteLine();
        Console.WriteLine($"{options.Connections} connections, {options.Seconds} s each, {Environment.ProcessorCount} cores");
        foreach (var result in new[] { trivial, catalogue, learning })
        {
            Console.WriteLine(result);
        }
        Console.WriteLine($"catalogue / trivial throughput: {catalogue.RequestsPerSecond / trivial.RequestsPerSecond:P0}");
        Console.WriteLine($"my learning / trivial throughput: {learning.RequestsPerSecond / trivial.RequestsPerSecond:P0}");
        Console.WriteLine($"Target (catalogue): ≥ 5,000 req/s and p99 < 50 ms: {(catalogue.RequestsPerSecond >= 5000 && catalogue.P99Ms < 50 ? "met" : "not met")}");
    }
}

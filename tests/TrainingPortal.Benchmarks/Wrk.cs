using System.Globalization;
using System.Text.RegularExpressions;

namespace TrainingPortal.Benchmarks;

/// <summary>One wrk run's figures.</summary>
internal sealed record LoadResult(string Name, double RequestsPerSecond, double P50Ms, double P99Ms, int Non2xx)
{
    public override string ToString() =>
        $"{Name,-28} {RequestsPerSecond,10:N0} req/s   p50 {P50Ms,7:0.00} ms   p99 {P99Ms,7:0.00} ms{(Non2xx > 0 ? $"   {Non2xx} non-2xx!" : "")}";
}

/// <summary>Drives Debian's wrk (a separate process, so load generation does not share the site's runtime).</summary>
internal static partial class Wrk
{
    public static async Task<LoadResult> RunAsync(string name, Uri url, string? cookie, int connections, int seconds)
    {
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency" };
        if (cookie is not null)
        {
            arguments.AddRange(["-H", $"Cookie: {cookie}"]);
        }
        arguments.Add(url.ToString());
        var output = await Processes.RunAsync("wrk", arguments);
        var rps = double.Parse(RequestsPattern().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccessPattern().Match(output) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
        return new LoadResult(name, rps, Percentile(output, "50%"), Percentile(output, "99%"), non2xx);
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessPattern();
}

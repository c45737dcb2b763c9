using System.Diagnostics;
using TrainingPortal.Benchmarks;

// Usage: dotnet run -c Release --project tests/TrainingPortal.Benchmarks -- <scenario> [--practitioners N] [--agencies N] [--data DIR]
// Scenarios: catalogue (the catalogue page and "My learning", signed in, against a trivial endpoint of the same app);
// sessions (the coordinator's sessions overview, and booking throughput through the booking page);
// compliance (the lead dashboard for the largest agency against a hand-written SQL aggregate, the partnership heatmap);
// reports (every bi-annual report for the last ended period, in-process, with peak memory);
// tna (the training needs analysis for every agency, in-process, against a hand-written SQL aggregate).
var scenario = args.FirstOrDefault() ?? "catalogue";
var options = BenchmarkOptions.Parse(args.Skip(1).ToArray());
var repository = Repository.Root();

Console.WriteLine($"Scale: {options.Agencies} agencies, {options.Practitioners} practitioners; data in {options.DataDirectory}");
if (scenario == "reports")
{
    // Reports are generated in-process by a background job, so no site is started.
    await ReportsScenario.RunAsync(repository, options);
    return 0;
}
if (scenario == "tna")
{
    await TnaScenario.RunAsync(repository, options);
    return 0;
}
await using var site = await Site.PrepareAsync(repository, options);
switch (scenario)
{
    case "catalogue":
        await CatalogueScenario.RunAsync(site, options);
        break;
    case "sessions":
        await SessionsScenario.RunAsync(site, options);
        break;
    case "compliance":
        await ComplianceScenario.RunAsync(site, options);
        break;
    default:
        Console.Error.WriteLine($"Unknown scenario {scenario}. Known: catalogue, sessions, compliance, reports, tna.");
        return 2;
}
return 0;

namespace TrainingPortal.Benchmarks
{
    internal sealed record BenchmarkOptions(int Agencies, int Practitioners, string DataDirectory, int Connections, int Seconds)
    {
        public static BenchmarkOptions Parse(string[] args)
        {
            string Value(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            var practitioners = int.Parse(Value("--practitioners", "50000"));
            var agencies = int.Parse(Value("--agencies", "40"));
            var data = Value("--data", Path.Combine(Path.GetTempPath(), $"trainingportal-bench-{agencies}-{practitioners}"));
            return new BenchmarkOptions(agencies, practitioners, data, int.Parse(Value("--connections", "50")), int.Parse(Value("--seconds", "15")));
        }
    }

    internal static class Repository
    {
        public static string Root()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TrainingPortal.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Run from inside the repository.");
        }
    }

    internal static class Processes
    {
        public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? workingDirectory = null)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? "" };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
            }
            return await output;
        }
    }
}

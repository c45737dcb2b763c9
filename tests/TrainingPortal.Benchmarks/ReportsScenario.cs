using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Core;
using TrainingPortal.Data;
using TrainingPortal.Data.Settings;
using TrainingPortal.Reporting.Domain;
using TrainingPortal.Reporting.Services;
using TrainingPortal.Testing;

namespace TrainingPortal.Benchmarks;

/// <summary>
/// Every bi-annual report for the last ended period at scale (the partnership's and one per agency: 41 workbooks for
/// 40 agencies), generated in-process by the product's report generator against the scale database, timed, with the
/// process's peak memory. Targets: under 60 seconds and under 1 GB.
/// </summary>
internal static class ReportsScenario
{
    public const double TargetSeconds = 60;
    public const long TargetPeakBytes = 1L << 30;

    public static async Task RunAsync(string repository, BenchmarkOptions options)
    {
        await Site.SeedAsync(repository, options);
        // The in-process host finds its content root from the manifest beside this program, read from the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var app = await PortalApp.StartAsync(new PortalAppOptions
        {
            ConnectionString = $"Data Source={Path.Combine(options.DataDirectory, "trainingportal.db")}",
            Recipe = null,
        });
        var (period, records) = await app.InScopeAsync(async s =>
        {
            var calendar = await ReportingSettings.CalendarAsync(s.GetRequiredService<PortalSettings>());
            var today = UkTime.Today(s.GetRequiredService<TimeProvider>());
            return (calendar.LastEnded(today), await s.GetRequiredService<PortalDbContext>().Set<Catalogue.Domain.TrainingRecord>().CountAsync());
        });
        Console.WriteLine($"Generating every report for {period.Name} ({records:N0} training records)…");
        GC.Collect();
        var baseline = PeakBytes();

        var started = Stopwatch.GetTimestamp();
        var runId = await app.InScopeAsync(async s =>
        {
            var queued = await s.GetRequiredService<ReportGenerator>().QueueAsync(period);
            return queued.Succeeded ? queued.Value : throw new InvalidOperationException(string.Join("; ", queued.Errors.Select(e => e.Message)));
        });
        await app.InScopeAsync(s => s.GetRequiredService<ReportGenerator>().RunAsync(runId));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var peak = PeakBytes();

        var (status, reports, bytes) = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var run = await db.Set<ReportRun>().AsNoTracking().SingleAsync(r => r.Id == runId);
            var stored = await db.Set<BiAnnualReport>().AsNoTracking().Where(r => r.RunId == runId).Select(r => (long)r.Workbook.Length).ToListAsync();
            return (run.Status, stored.Count, stored.Sum());
        });
        Console.WriteLine();
        Console.WriteLine($"Run {status}: {reports} workbooks ({bytes / 1024:N0} KB in all) in {elapsed.TotalSeconds:0.0} s (target under {TargetSeconds} s)");
        Console.WriteLine($"Peak memory of the process: {peak / (1024 * 1024):N0} MB (before the run {baseline / (1024 * 1024):N0} MB; target under {TargetPeakBytes / (1024 * 1024):N0} MB)");
        Console.WriteLine(status == ReportRunStatus.Completed && elapsed.TotalSeconds < TargetSeconds && peak < TargetPeakBytes ? "Targets met" : "Targets NOT MET");
    }

    /// <summary>The process's peak resident memory (VmHWM) from /proc, in bytes.</summary>
    private static long PeakBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Compliance.Domain;
using TrainingPortal.Compliance.Jobs;
using TrainingPortal.Compliance.Services;
using TrainingPortal.Data;

namespace TrainingPortal.Compliance.Tests;

/// <summary>The monthly snapshots behind the partnership trend, and the trend read from them. Today is 1 June 2026.</summary>
public sealed class ComplianceSnapshotTests : IAsyncLifetime
{
    private static readonly DateOnly LongAgo = new(2023, 1, 1);

    private CompliancePortal portal = null!;

    public async Task InitializeAsync() => portal = await CompliancePortal.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    /// <summary>Runs the job as Hangfire would: in a scope of its own, with nobody signed in.</summary>
    private Task<T> JobAsync<T>(Func<ComplianceSnapshotJob, Task<T>> run) =>
        portal.App.InScopeAsync(s => run(s.GetRequiredService<ComplianceSnapshotJob>()));

    private Task<List<ComplianceSnapshot>> SnapshotsAsync() =>
        portal.App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<ComplianceSnapshot>().AsNoTracking().ToListAsync());

    private Task<IReadOnlyList<TrendPoint>> TrendAsync() =>
        portal.As(portal.Coordinator, s => s.GetRequiredService<ComplianceTrend>().TrendAsync());

    private static StatusCounts At(IReadOnlyList<TrendPoint> trend, DateOnly monthEnd, Guid requirementId) =>
        trend.Single(p => p.AsAt == monthEnd && !p.IsLive).ByRequirement.GetValueOrDefault(requirementId, StatusCounts.None);

    [Fact]
    public async Task The_catch_up_fills_each_of_the_last_24_month_ends_once_and_a_second_run_adds_nothing()
    {
        await portal.StaffSinceAsync(portal.Health, "G1", LongAgo);

        var first = await JobAsync(job => job.CatchUpAsync(CancellationToken.None));
        var second = await JobAsync(job => job.CatchUpAsync(CancellationToken.None));
        var monthly = await JobAsync(job => job.TakeMonthJustEndedAsync(CancellationToken.None));

        Assert.Equal(24, first);
        Assert.Equal(0, second);
        Assert.Equal(0, monthly);
        var snapshots = await SnapshotsAsync();
        var monthEnds = snapshots.Select(s => s.AsAt).Distinct().Order().ToList();
        Assert.Equal(24, monthEnds.Count);
        Assert.Equal(new DateOnly(2024, 6, 30), monthEnds[0]);
        Assert.Equal(new DateOnly(2026, 5, 31), monthEnds[^1]);
        Assert.All(monthEnds, day => Assert.Equal(1, day.AddDays(1).Day));
        Assert.Equal(24, snapshots.Count);
        Assert.All(await TrendAsync(), point => Assert.Equal(1, point.Overall.Total));
    }

    [Fact]
    public async Task A_month_end_before_someones_training_counts_them_as_missing_and_after_it_as_met()
    {
        var person = await portal.StaffSinceAsync(portal.Health, "G1", LongAgo);
        await portal.CompletedAsync(person, "NEG-BASIC", new DateOnly(2025, 3, 15));
        var basic = await portal.RequirementIdAsync(CompliancePortal.Basic);

        await JobAsync(job => job.CatchUpAsync(CancellationToken.None));
        var trend = await TrendAsync();

        Assert.Equal(new StatusCounts(0, 0, 0, 1), At(trend, new DateOnly(2025, 2, 28), basic));
        Assert.Equal(0, At(trend, new DateOnly(2025, 2, 28), basic).PercentCompliant);
        Assert.Equal(new StatusCounts(1, 0, 0, 0), At(trend, new DateOnly(2025, 3, 31), basic));
        Assert.Equal(100, At(trend, new DateOnly(2025, 3, 31), basic).PercentCompliant);
    }

    [Fact]
    public async Task A_leaver_counts_in_the_months_before_they_left_but_not_after()
    {
        await portal.StaffSinceAsync(portal.Health, "G1", LongAgo);
        var leaver = await portal.StaffSinceAsync(portal.Health, "G1", LongAgo, leavingDate: new DateOnly(2025, 9, 15));
        await portal.CompletedAsync(leaver, "NEG-BASIC", new DateOnly(2024, 2, 1));
        var basic = await portal.RequirementIdAsync(CompliancePortal.Basic);

        await JobAsync(job => job.CatchUpAsync(CancellationToken.None));
        var trend = await TrendAsync();

        Assert.Equal(new StatusCounts(1, 0, 0, 1), At(trend, new DateOnly(2025, 8, 31), basic));
        Assert.Equal(50, At(trend, new DateOnly(2025, 8, 31), basic).PercentCompliant);
        Assert.Equal(new StatusCounts(0, 0, 0, 1), At(trend, new DateOnly(2025, 9, 30), basic));
        Assert.Equal(new StatusCounts(0, 0, 0, 1), trend[^1].ByRequirement[basic]);
    }

    [Fact]
    public async Task Someone_added_without_a_start_date_counts_from_when_they_were_added()
    {
        await portal.StaffAsync(portal.Health, "G1");

        var stored = await JobAsync(job => job.CatchUpAsync(CancellationToken.None));
        var trend = await TrendAsync();

        Assert.Equal(0, stored);
        Assert.All(trend.Where(p => !p.IsLive), point => Assert.Equal(0, point.Overall.Total));
        Assert.Equal(1, trend[^1].Overall.Total);
    }

    [Fact]
    public async Task The_trend_ends_with_todays_live_figures()
    {
        var person = await portal.StaffSinceAsync(portal.Health, "G1", LongAgo);
        await portal.StaffSinceAsync(portal.Police, "G1", LongAgo);
        await JobAsync(job => job.CatchUpAsync(CancellationToken.None));
        // Completed today, after the last month-end was kept: only the live point knows.
        await portal.CompletedAsync(person, "NEG-BASIC", portal.Today);

        var trend = await TrendAsync();

        Assert.Equal(25, trend.Count);
        Assert.All(trend.Take(24), point => Assert.False(point.IsLive));
        var live = trend[^1];
        Assert.True(live.IsLive);
        Assert.Equal(new DateOnly(2026, 6, 1), live.AsAt);
        Assert.Equal(50, live.Overall.PercentCompliant);
        Assert.Equal(0, trend[^2].Overall.PercentCompliant);
        Assert.Equal(new DateOnly(2026, 5, 31), trend[^2].AsAt);
    }

    [Fact]
    public async Task The_monthly_run_just_after_midnight_uk_time_stores_the_month_just_ended_once()
    {
        await portal.StaffSinceAsync(portal.Health, "G1", LongAgo);
        // 00:30 on 1 July in the UK is still 30 June in UTC (British Summer Time).
        portal.Clock.UtcNow = new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero);

        var first = await JobAsync(job => job.TakeMonthJustEndedAsync(CancellationToken.None));
        var again = await JobAsync(job => job.TakeMonthJustEndedAsync(CancellationToken.None));

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        var snapshot = Assert.Single(await SnapshotsAsync());
        Assert.Equal(new DateOnly(2026, 6, 30), snapshot.AsAt);
        Assert.Equal(portal.Health, snapshot.AgencyId);
    }
}

/// <summary>Several app instances run the snapshot at once: the database keeps one copy of each month.</summary>
public sealed class ComplianceSnapshotConcurrencyTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Instances_taking_the_same_month_at_once_store_it_once(TestDatabase database)
    {
        await using var portal = await CompliancePortal.StartAsync(new PortalAppOptions { Database = database });
        await portal.StaffSinceAsync(portal.Health, "G2", new DateOnly(2023, 1, 1));
        await portal.StaffSinceAsync(portal.Police, "G3", new DateOnly(2023, 1, 1));
        var monthEnd = new DateOnly(2026, 5, 31);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            portal.App.InScopeAsync(s => s.GetRequiredService<ComplianceSnapshotJob>().TakeAsync(monthEnd)))));

        Assert.Single(results, stored => stored);
        var snapshots = await portal.App.InScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<ComplianceSnapshot>().AsNoTracking().ToListAsync());
        // Health (group 2) needs basic and advanced; Police (group 3) needs those and GCP2.
        Assert.Equal(5, snapshots.Count);
        Assert.Equal(5, snapshots.Select(s => (s.AsAt, s.AgencyId, s.RequirementId)).Distinct().Count());
    }
}

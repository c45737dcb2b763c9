namespace TrainingPortal.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose current time only moves when a test moves it.
/// Thread-safe. Timers and timestamps (<see cref="TimeProvider.CreateTimer"/>,
/// <see cref="TimeProvider.GetTimestamp"/>) still follow the real clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>The default starting point: Monday 5 January 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly TimeZoneInfo localTimeZone;
    private long utcTicks;

    public TestClock()
        : this(DefaultStart)
    {
    }

    /// <param name="start">The initial time (converted to UTC).</param>
    /// <param name="localTimeZone">What <see cref="TimeProvider.GetLocalNow"/> uses; UTC when null.</param>
    public TestClock(DateTimeOffset start, TimeZoneInfo? localTimeZone = null)
    {
        utcTicks = start.UtcTicks;
        this.localTimeZone = localTimeZone ?? TimeZoneInfo.Utc;
    }

    /// <summary>The current time, always with a zero offset. Setting it may move time backwards.</summary>
    public DateTimeOffset UtcNow
    {
        get => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref utcTicks, value.UtcTicks);
    }

    public override TimeZoneInfo LocalTimeZone => localTimeZone;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    /// <summary>Moves time forward by <paramref name="delta"/> (zero or more) and returns the new time.</summary>
    public DateTimeOffset Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        return new DateTimeOffset(Interlocked.Add(ref utcTicks, delta.Ticks), TimeSpan.Zero);
    }

    public override string ToString() => UtcNow.ToString("O");
}

namespace TrainingPortal.Core.Modules;

/// <summary>What <c>seed-scale</c> was asked for.</summary>
public sealed record ScaleSeedOptions(int Agencies, int Practitioners);

/// <summary>
/// Fills the database with large, plausible data for benchmarks (<c>seed-scale</c>). Each module seeds its own
/// tables with set-based inserts, in <see cref="Order"/>; running it again on a seeded database adds nothing.
/// </summary>
public interface IScaleSeeder
{
    int Order { get; }

    /// <summary>Returns a line saying what was added, for the console.</summary>
    Task<string> SeedAsync(ScaleSeedOptions options, CancellationToken cancellationToken);
}

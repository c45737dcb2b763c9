namespace TrainingPortal.Core.Modules;

/// <summary>
/// Work a module needs done each time the application starts, after the database is up to date:
/// registering recurring jobs, catching up on missed runs.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}

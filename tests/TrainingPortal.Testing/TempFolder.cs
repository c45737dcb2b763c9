namespace TrainingPortal.Testing;

/// <summary>A new, empty, uniquely named folder under the system temp directory, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private int disposed;

    public TempFolder(string? prefix = null)
    {
        var name = $"{(string.IsNullOrWhiteSpace(prefix) ? "trainingportal-test" : prefix)}-{Guid.NewGuid():N}";
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), name)).FullName;
    }

    /// <summary>The folder's absolute path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder (nothing is created).</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public override string ToString() => Path;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        DeleteDirectory(Path);
    }

    /// <summary>Deletes a folder tree, retrying briefly while files are still being released; never throws.</summary>
    internal static void DeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (!Directory.Exists(path))
                {
                    return;
                }

                Directory.Delete(path, recursive: true);
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100 * (attempt + 1));
            }
        }
    }
}

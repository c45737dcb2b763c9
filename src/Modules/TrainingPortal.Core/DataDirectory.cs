namespace TrainingPortal.Core;

/// <summary>
/// The folder for everything the portal writes to disk: the SQLite file, the mail drop, generated reports.
/// Set by <c>DataDirectory</c>; defaults to <c>App_Data</c> beside the host.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A sub-folder, created if missing.</summary>
    public string Folder(string name)
    {
        var folder = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

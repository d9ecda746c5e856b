namespace Mercato.Testing;

/// <summary>A private folder for one test (a process's working directory, its data), deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("mercato-test-").FullName;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A sub-folder (e.g. one process's working directory), created on first use.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Combine(name)).FullName;

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that was just killed may still hold a file for a moment; the OS cleans temp.
        }
    }
}

namespace Mercato.Identity.Tests.Support;

/// <summary>A private folder that holds the working directories and data of one test's processes; removed afterwards.</summary>
public sealed class ProcessWorkspace : IDisposable
{
    /// <summary>The folder.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("mercato-identity-").FullName;

    /// <summary>A sub-folder for one process, created on first use.</summary>
    public string For(string process) => Directory.CreateDirectory(Path.Combine(Root, process)).FullName;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            // A process killed a moment ago may still be closing a file; the OS clears temp eventually.
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

namespace Mercato.Platform.Persistence;

/// <summary>
/// Folders and files only their owner may read: databases, key rings and other secrets on disk
/// (folders 0700, files 0600). On Windows, where Unix modes do not apply, folders and files keep
/// the ACLs they inherit.
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and missing parents) as 0700, or narrows an existing folder to 0700.</summary>
    public static void EnsureFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (Directory.Exists(path))
        {
            File.SetUnixFileMode(path, FolderMode);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Creates <paramref name="path"/> empty as 0600 if it is missing, or narrows it to 0600.</summary>
    public static void EnsureFile(string path)
    {
        if (File.Exists(path))
        {
            Restrict(path);
            return;
        }

        using (Create(path))
        {
        }
    }

    /// <summary>Narrows an existing file to 0600; a missing one is left missing.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Creates a new file as 0600 for writing (fails if it exists).</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }
}

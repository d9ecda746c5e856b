namespace Mercato.Testing;

/// <summary>Locates the repository and the built executables that process tests start.</summary>
public static class RepoPaths
{
    /// <summary>The folder that holds Mercato.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The TestHost executable (Probe and Audit test modules).</summary>
    public static string TestHostDll => Built("tests/Mercato.TestHost", "Mercato.TestHost.dll");

    /// <summary>
    /// The real server executable: the build's, or the published copy named by
    /// <c>MERCATO_SERVER_DLL</c> (the test command publishes it ReadyToRun, as operators run it).
    /// </summary>
    public static string ServerDll => Environment.GetEnvironmentVariable(ServerDllVariable) is { Length: > 0 } published
        ? File.Exists(published) ? published : throw new FileNotFoundException($"{ServerDllVariable} names {published}, which does not exist.", published)
        : Built("src/Mercato.Server", "Mercato.Server.dll");

    /// <summary>The environment variable that points the tests at a published server.</summary>
    public const string ServerDllVariable = "MERCATO_SERVER_DLL";

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built at {path}; build the solution first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mercato.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mercato.slnx not found above " + AppContext.BaseDirectory);
    }
}

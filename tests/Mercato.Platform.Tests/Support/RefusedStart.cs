using Mercato.Testing;

namespace Mercato.Platform.Tests.Support;

/// <summary>
/// Starts the test host as its own process with settings it must refuse, and returns what an
/// operator sees: the exit code and the lines printed. Settings refused while the host is built
/// end the process with exit code 2 before any host exists, so an in-memory factory cannot show them.
/// </summary>
internal static class RefusedStart
{
    public static async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string?> settings)
    {
        using var workDir = new TempDirectory();
        await using var process = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, settings, workDir.Path, waitUntilLive: false);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, string.Join('\n', process.Output));
    }
}

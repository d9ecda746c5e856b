using Mercato.Platform.Hosting;

namespace Mercato.Testing;

/// <summary>
/// The service clients the built server says each service needs (<c>Mercato.Server service-clients</c>):
/// the one source from which the distributed tests give Identity its clients and each service its own.
/// </summary>
public static class ServiceClientTable
{
    /// <summary>Runs the built server's <c>service-clients</c> command and reads its table.</summary>
    /// <exception cref="InvalidOperationException">The command failed or printed something else.</exception>
    public static async Task<IReadOnlyList<ServiceClientNeeds>> ReadAsync()
    {
        using var workDir = new TempDirectory();
        await using var process = await MercatoProcess.StartAsync(
            RepoPaths.ServerDll, new Dictionary<string, string?>(), workDir.Path, [ServiceClientsCommand.Name], waitUntilLive: false);
        var exitCode = await process.WaitForExitAsync(MercatoProcess.StartupPatience);
        return exitCode == 0
            ? Parse(process.Output)
            : throw new InvalidOperationException($"service-clients exited with {exitCode}:\n{string.Join('\n', process.Output)}");
    }

    /// <summary>
    /// Reads the command's lines (<c>service client-id scope...</c>, or the service alone when it
    /// needs no client); each client id must be the service's (<c>&lt;service&gt;-service</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A line is not a row of the table.</exception>
    public static IReadOnlyList<ServiceClientNeeds> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = new List<ServiceClientNeeds>();
        foreach (var line in lines)
        {
            var words = line.Split(' ');
            var row = new ServiceClientNeeds(words[0], words.Length > 1 ? words[2..] : []);
            if (words.Any(w => w.Length == 0) || (words.Length > 1 && words[1] != row.ClientId))
            {
                throw new InvalidOperationException($"Not a line of the service-clients table: '{line}'");
            }

            rows.Add(row);
        }

        return rows;
    }
}

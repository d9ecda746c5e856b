using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// A real process (Mercato.Server hosting Identity, or the TestHost) in a private working folder
/// that is deleted with it.
/// </summary>
public sealed class OwnedProcess : IAsyncDisposable
{
    private readonly string _directory;

    private OwnedProcess(MercatoProcess process, string directory)
    {
        Process = process;
        _directory = directory;
    }

    /// <summary>The running (or exited) process.</summary>
    public MercatoProcess Process { get; }

    /// <summary>Its base URL.</summary>
    public string Url => Process.Url;

    /// <summary>A client for it.</summary>
    public HttpClient Client => Process.Client;

    /// <summary>
    /// Starts <c>Mercato.Server</c> with only Identity, its SQLite files in a private folder, the test
    /// administrator, and <paramref name="settings"/> on top. Its issuer is its own URL unless set.
    /// </summary>
    /// <param name="settings">More configuration.</param>
    /// <param name="waitUntilLive">False for a start that is expected to fail.</param>
    public static Task<OwnedProcess> StartIdentityAsync(IDictionary<string, string?> settings, bool waitUntilLive = true)
    {
        var port = FreePort.Next();
        return StartAsync(RepoPaths.ServerDll, IdentitySettings(port), settings, port, waitUntilLive);
    }

    /// <summary>
    /// What an Identity-only server of these tests runs with: only Identity, the test administrator,
    /// cheap password hashing, its issuer at <paramref name="port"/> on loopback.
    /// </summary>
    public static Dictionary<string, string?> IdentitySettings(int port) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mercato:Services"] = "identity",
        ["Auth:Issuer"] = $"http://127.0.0.1:{port}",
        ["Identity:Admin:Email"] = IdentityFactory.AdminEmail,
        ["Identity:Admin:Password"] = IdentityFactory.AdminPassword,
        ["Identity:Password:HashIterations"] = "1000",
    };

    /// <summary>Starts the TestHost (Probe and Audit), trusting tokens from <paramref name="issuer"/>.</summary>
    public static Task<OwnedProcess> StartTestHostAsync(string issuer) =>
        StartAsync(
            RepoPaths.TestHostDll,
            new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Auth:Issuer"] = issuer },
            new Dictionary<string, string?>(),
            port: null,
            waitUntilLive: true);

    private static async Task<OwnedProcess> StartAsync(
        string dll, Dictionary<string, string?> all, IDictionary<string, string?> settings, int? port, bool waitUntilLive)
    {
        var directory = Directory.CreateTempSubdirectory("mercato-identity-proc-").FullName;
        all["Persistence:DataDirectory"] = Path.Combine(directory, "data");
        all["RateLimiting:Enabled"] = "false";
        all["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning";
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        try
        {
            var process = await MercatoProcess.StartAsync(dll, all, directory, port: port, waitUntilLive: waitUntilLive);
            return new OwnedProcess(process, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

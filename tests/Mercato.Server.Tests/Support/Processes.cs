using System.Net;
using System.Net.Sockets;
using Mercato.Testing;

namespace Mercato.Server.Tests.Support;

/// <summary>Starting the executables under test as real processes.</summary>
public static class Processes
{
    /// <summary>The log category of the platform's start-up and shutdown messages.</summary>
    public const string BannerCategory = "Mercato.Platform.Hosting.StartupBanner";

    /// <summary>The event of the "listening on ... (API docs: ...)" line.</summary>
    public const int ListeningEvent = 1300;

    /// <summary>The event of the "stopping; draining for up to ..." line.</summary>
    public const int StoppingEvent = 1301;

    /// <summary>Generous bound for anything a loaded CI machine does eventually.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Starts the TestHost (Probe and Audit) with its data in <paramref name="workDir"/>.</summary>
    public static Task<MercatoProcess> StartTestHostAsync(
        TempDirectory workDir, IDictionary<string, string?>? settings = null, IEnumerable<string>? arguments = null) =>
        MercatoProcess.StartAsync(RepoPaths.TestHostDll, Quiet(settings), workDir.Path, arguments);

    /// <summary>Starts Mercato.Server in <paramref name="workDir"/>.</summary>
    public static Task<MercatoProcess> StartServerAsync(
        TempDirectory workDir, IDictionary<string, string?>? settings = null, IEnumerable<string>? arguments = null) =>
        MercatoProcess.StartAsync(RepoPaths.ServerDll, Quiet(settings), workDir.Path, arguments);

    /// <summary>Runs an executable that is expected to end by itself and returns it, exited.</summary>
    public static async Task<MercatoProcess> RunToExitAsync(
        string dll, TempDirectory workDir, IDictionary<string, string?> settings, params string[] arguments)
    {
        var process = await MercatoProcess.StartAsync(dll, Quiet(settings), workDir.Path, arguments, waitUntilLive: false);
        await process.WaitForExitAsync(Patience);
        return process;
    }

    /// <summary>Settings that put every module on a PostgreSQL server nothing listens for.</summary>
    public static Dictionary<string, string?> UnreachablePostgres() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Persistence:Provider"] = "postgres",
        ["Persistence:Postgres"] = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Password=postgres;Timeout=5",
    };

    /// <summary>Whether a new TCP connection to the process's port is refused.</summary>
    public static async Task<bool> RefusesConnectionsAsync(MercatoProcess process)
    {
        var uri = new Uri(process.Url);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, uri.Port);
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }

    /// <summary>Polls until <paramref name="path"/> answers <paramref name="status"/>.</summary>
    public static Task<HttpStatusCode> EventuallyAnswersAsync(MercatoProcess process, string path, HttpStatusCode status) =>
        MercatoProcess.EventuallyAsync(
            async () =>
            {
                using var response = await process.Client.GetAsync(new Uri(path, UriKind.Relative));
                return response.StatusCode;
            },
            s => s == status,
            Patience);

    /// <summary>Waits until the process has logged the given event and returns the entry.</summary>
    public static async Task<System.Text.Json.JsonElement> EventuallyLoggedAsync(
        MercatoProcess process, string category, int eventId, Func<System.Text.Json.JsonElement, bool>? where = null)
    {
        var found = await MercatoProcess.EventuallyAsync(
            () => Task.FromResult(JsonLogs.WithEvent(process.Output, category, eventId).Where(where ?? (_ => true)).ToList()),
            entries => entries.Count > 0,
            Patience);
        return found[0];
    }

    private static Dictionary<string, string?> Quiet(IDictionary<string, string?>? settings)
    {
        // Keep the captured output small: EF's per-command logs are noise for these tests.
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}

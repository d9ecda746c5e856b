using System.Net;
using System.Text.Json;
using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.Shutdown;

/// <summary>
/// SIGTERM (what Ctrl+C and orchestrators send): the server stops accepting connections at
/// once, lets in-flight requests finish within <c>Mercato:ShutdownTimeoutSeconds</c>, and exits 0.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const int RequestStartingEvent = 1;

    [Fact]
    public async Task Sigterm_drains_the_in_flight_request_refuses_new_connections_and_exits_zero()
    {
        using var workDir = new TempDirectory();
        await using var host = await Processes.StartTestHostAsync(workDir, LogRequests());
        using var client = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = Processes.Patience * 2 };

        var slow = client.GetAsync(new Uri("/api/v1/probe/slow?ms=8000", UriKind.Relative), TestContext.Current.CancellationToken);
        await WaitUntilServerStartedAsync(host, "/api/v1/probe/slow");
        var exit = host.TerminateAsync(Processes.Patience * 2);

        await MercatoProcess.EventuallyAsync(() => Processes.RefusesConnectionsAsync(host), refused => refused, Processes.Patience);
        Assert.False(slow.IsCompleted, "new connections must be refused while the in-flight request is still running");

        using var response = await slow;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal(8000, json.GetProperty("data").GetProperty("waitedMs").GetInt32());
        Assert.EndsWith("Z", json.GetProperty("timestamp").GetString());

        Assert.Equal(0, await exit);
        var stopping = Assert.Single(JsonLogs.WithEvent(host.Output, Processes.BannerCategory, Processes.StoppingEvent));
        Assert.Equal("30", stopping.State("ShutdownTimeoutSeconds"));
    }

    [Fact]
    public async Task Shutdown_timeout_bounds_how_long_in_flight_requests_may_drain()
    {
        using var workDir = new TempDirectory();
        var settings = LogRequests();
        settings["Mercato:ShutdownTimeoutSeconds"] = "1";
        await using var host = await Processes.StartTestHostAsync(workDir, settings);
        using var client = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = Processes.Patience * 2 };

        // Far longer than the configured drain: the server must cut it off rather than wait.
        var slow = client.GetAsync(new Uri("/api/v1/probe/slow?ms=30000", UriKind.Relative), TestContext.Current.CancellationToken);
        await WaitUntilServerStartedAsync(host, "/api/v1/probe/slow");

        var exitCode = await host.TerminateAsync(Processes.Patience);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => slow);
        Assert.Equal(0, exitCode);
        var stopping = Assert.Single(JsonLogs.WithEvent(host.Output, Processes.BannerCategory, Processes.StoppingEvent));
        Assert.Equal("1", stopping.State("ShutdownTimeoutSeconds"));
    }

    private static Dictionary<string, string?> LogRequests() => new(StringComparer.OrdinalIgnoreCase)
    {
        // The "Request starting" line tells the test the server has the request in hand.
        [$"Logging:LogLevel:{RequestLogCategory}"] = "Information",
    };

    private static Task<JsonElement> WaitUntilServerStartedAsync(MercatoProcess host, string path) =>
        Processes.EventuallyLoggedAsync(host, RequestLogCategory, RequestStartingEvent, e => e.State("Path") == path);
}

using Mercato.Logs.Client;
using Mercato.Logs.Tests.Support;
using Mercato.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Tests.Shipping;

/// <summary>
/// A stopping host sends what its shipper still holds once: when the Logs service fails that last
/// delivery (it may be stopping too), the records are dropped and counted instead of being retried
/// while the host's shutdown waits. The module client's retries are otherwise on (a zero delay
/// here, so they would be seen at once).
/// </summary>
public sealed class FinalFlushTests
{
    [Fact]
    public async Task A_stopping_host_makes_one_delivery_attempt_and_drops_what_the_logs_service_refuses()
    {
        var ingests = 0;
        var tokens = 0;
        var (logsService, url) = await LoopbackApp.StartAsync((app, _) =>
        {
            app.MapPost("/api/v1/auth/token", () =>
            {
                Interlocked.Increment(ref tokens);
                return Results.Json(new Dictionary<string, object> { ["access_token"] = "service-token", ["expires_in"] = 300 });
            });
            app.MapPost("/api/v1/logs/ingest", () =>
            {
                Interlocked.Increment(ref ingests);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            });
        });
        await using var service = logsService;

        var catalog = new ShippingHost(url).Configure(new Dictionary<string, string>
        {
            // The shipper holds its batch (never full, never due) until the host stops.
            ["Logs:Shipping:BatchSize"] = "1000",
            ["Logs:Shipping:FlushInterval"] = "01:00:00",
            ["Services:Logs:Resilience:Retry:MaxRetryAttempts"] = "3",
            ["Services:Logs:Resilience:Retry:Delay"] = "00:00:00",
        });
        _ = catalog.CreateClient();
        var buffer = catalog.Services.GetRequiredService<LogBuffer>();
        var logger = catalog.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mercato.Catalog.ShippingProbe");
        ProbeLog.LowStock(logger, "SKU-LAST", 1);
        await Eventually.HoldsAsync(() => Task.FromResult(buffer.Count == 0), "the shipper taking the record into its batch");
        Assert.Equal(0, Volatile.Read(ref ingests));

        await catalog.DisposeAsync();

        Assert.Equal(1, Volatile.Read(ref ingests));
        Assert.Equal(1, Volatile.Read(ref tokens));
        Assert.Equal(0, buffer.Shipped);
        Assert.True(buffer.Dropped >= 1, $"dropped {buffer.Dropped}");
    }
}

using Mercato.Logs.Client;
using Mercato.Logs.Tests.Support;
using Mercato.Platform.Correlation;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Tests.Shipping;

/// <summary>
/// Distributed mode: a Catalog process ships its logs over HTTP (<c>POST /api/v1/logs/ingest</c>
/// with a service token from Identity) to the Logs service in another process, both on loopback.
/// </summary>
public abstract class RemoteShippingTests<TFactory>(TFactory logs) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : LogsServiceFactory
{
    private ShippingHost _catalog = null!;
    private HttpClient _logsClient = null!;

    public ValueTask InitializeAsync()
    {
        var url = logs.StartKestrel().ToString().TrimEnd('/');
        _logsClient = new HttpClient { BaseAddress = new Uri(url) };
        _catalog = new ShippingHost(url).Configure();
        _ = _catalog.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        _logsClient.Dispose();
        await _catalog.DisposeAsync();
    }

    [Fact]
    public async Task Another_processes_logs_arrive_in_the_logs_service_with_their_correlation_id()
    {
        var correlationId = "remote-" + ShopApi.Unique();
        var logger = _catalog.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mercato.Catalog.ShippingProbe");
        using (CorrelationContext.Begin(correlationId))
        {
            ProbeLog.LowStock(logger, "SKU-REMOTE", 3);
        }

        var admin = await _logsClient.AdminTokenAsync();
        System.Text.Json.JsonElement[] found = [];
        await Eventually.HoldsAsync(async () => (found = await _logsClient.LogsAsync(admin, $"?correlationId={correlationId}")).Length > 0, "the shipped record");
        var record = Assert.Single(found);
        Assert.Equal(("catalog", "warning", "Mercato.Catalog.ShippingProbe"), (record.GetProperty("service").GetString(), record.GetProperty("level").GetString(), record.GetProperty("category").GetString()));
        Assert.Equal("Stock of SKU-REMOTE is low: 3 left", record.GetProperty("message").GetString());
        Assert.Equal("Stock of {Sku} is low: {Units} left", record.GetProperty("template").GetString());
        Assert.Equal("3", record.GetProperty("properties").GetProperty("Units").GetString());
        // The service stores the batch before its answer reaches the shipper, which counts it then.
        var buffer = _catalog.Services.GetRequiredService<LogBuffer>();
        await Eventually.HoldsAsync(() => Task.FromResult(buffer.Shipped > 0), "the shipper counting the batch");
        Assert.Equal(0, buffer.Dropped);
    }
}

/// <summary>The Logs service on SQLite.</summary>
public sealed class SqliteRemoteShippingTests(LogsServiceFactory logs) : RemoteShippingTests<LogsServiceFactory>(logs);

/// <summary>The Logs service on PostgreSQL.</summary>
public sealed class PostgresRemoteShippingTests(PostgresLogsServiceFactory logs) : RemoteShippingTests<PostgresLogsServiceFactory>(logs);

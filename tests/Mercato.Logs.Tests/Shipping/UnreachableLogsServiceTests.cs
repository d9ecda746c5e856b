using System.Diagnostics.Metrics;
using Mercato.Logs.Client;
using Mercato.Logs.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Tests.Shipping;

/// <summary>
/// The Logs service is down: logging never blocks, the buffer never holds more than its capacity,
/// and what cannot wait or be delivered is dropped and counted (<c>mercato.logs.dropped</c>).
/// </summary>
public sealed class UnreachableLogsServiceTests : IAsyncDisposable
{
    private const int Capacity = 100;
    private const int BatchSize = 10;
    private readonly ShippingHost _catalog = new ShippingHost($"http://127.0.0.1:{FreePort.Next()}").Configure(new Dictionary<string, string>
    {
        ["Logs:Shipping:Capacity"] = Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logs:Shipping:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logs:Shipping:Attempts"] = "2",
        ["Logs:Shipping:RetryDelay"] = "00:00:00.050",
        // The module client's own retries, short, so a batch is given up on soon.
        ["Services:Logs:Resilience:Retry:MaxRetryAttempts"] = "1",
        ["Services:Logs:Resilience:Retry:Delay"] = "00:00:00.050",
    });

    public ValueTask DisposeAsync() => _catalog.DisposeAsync();

    [Fact]
    public async Task Records_are_dropped_and_counted_instead_of_blocking_or_piling_up()
    {
        long full = 0;
        long undeliverable = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LogBuffer.MeterName && instrument.Name == "mercato.logs.dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason" && tag.Value as string == "buffer-full")
                {
                    Interlocked.Add(ref full, value);
                }
                else if (tag.Key == "reason" && tag.Value as string == "undeliverable")
                {
                    Interlocked.Add(ref undeliverable, value);
                }
            }
        });
        listener.Start();

        _ = _catalog.CreateClient();
        var buffer = _catalog.Services.GetRequiredService<LogBuffer>();
        var logger = _catalog.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mercato.Catalog.Flood");
        const int Records = 5_000;
        for (var i = 0; i < Records; i++)
        {
            // Each call returns at once whatever the shipper is doing.
            ProbeLog.Flood(logger, i);
            Assert.True(buffer.Count <= Capacity, $"the buffer holds {buffer.Count} records, more than its capacity");
        }

        // At most the buffer and one batch in flight were kept; the rest was dropped and counted.
        Assert.True(buffer.Dropped >= Records - Capacity - BatchSize, $"dropped {buffer.Dropped}");
        Assert.True(Interlocked.Read(ref full) >= Records - Capacity - BatchSize, $"counter saw {full} records dropped for a full buffer");

        // The batches the shipper took could not be delivered: dropped and counted too, and the buffer drains.
        await Eventually.HoldsAsync(() => Task.FromResult(Interlocked.Read(ref undeliverable) >= BatchSize && buffer.Count < Capacity),
            "undeliverable batches counted",
            // The module client's retry delays run on the host's (fake) clock.
            () => _catalog.Clock.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal(0, buffer.Shipped);
    }
}

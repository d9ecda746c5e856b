using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Mercato.Logs.Contracts;
using Microsoft.Extensions.Options;

namespace Mercato.Logs.Client;

/// <summary>
/// The records waiting to be shipped: a bounded channel that never blocks a writer. A record that
/// finds it full is dropped, and so is a batch the shipper gave up on; both are counted (the
/// <c>mercato.logs.dropped</c> counter, tagged with the reason, and <see cref="Dropped"/>).
/// </summary>
public sealed class LogBuffer : IDisposable
{
    /// <summary>The meter of log shipping.</summary>
    public const string MeterName = "Mercato.Logs.Shipping";

    private readonly Channel<ShippedLog> _channel;
    private readonly Meter _meter;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _shipped;
    private long _droppedCount;
    private long _shippedCount;

    /// <summary>Creates the buffer with the configured capacity.</summary>
    public LogBuffer(IOptions<LogShippingOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _channel = Channel.CreateBounded<ShippedLog>(new BoundedChannelOptions(options.Value.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _meter = meters.Create(MeterName);
        _dropped = _meter.CreateCounter<long>("mercato.logs.dropped", "{record}", "Log records dropped: the buffer was full, or their batch could not be delivered.");
        _shipped = _meter.CreateCounter<long>("mercato.logs.shipped", "{record}", "Log records delivered to the Logs module.");
        _meter.CreateObservableGauge("mercato.logs.buffered", () => (long)_channel.Reader.Count, "{record}", "Log records waiting to be shipped.");
    }

    /// <summary>Records dropped since start (buffer full, or an undeliverable batch).</summary>
    public long Dropped => Interlocked.Read(ref _droppedCount);

    /// <summary>Records delivered since start.</summary>
    public long Shipped => Interlocked.Read(ref _shippedCount);

    /// <summary>Records waiting now.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>The reader the shipper drains.</summary>
    internal ChannelReader<ShippedLog> Reader => _channel.Reader;

    /// <summary>Adds a record unless the buffer is full (then it is dropped and counted). Never blocks.</summary>
    public void Add(ShippedLog record)
    {
        // With FullMode.Wait, TryWrite refuses when full instead of evicting a waiting record.
        if (!_channel.Writer.TryWrite(record))
        {
            CountDropped(1, "buffer-full");
        }
    }

    /// <summary>Counts records dropped for <paramref name="reason"/>.</summary>
    internal void CountDropped(int records, string reason)
    {
        Interlocked.Add(ref _droppedCount, records);
        _dropped.Add(records, new KeyValuePair<string, object?>("reason", reason));
    }

    /// <summary>Counts records delivered.</summary>
    internal void CountShipped(int records)
    {
        Interlocked.Add(ref _shippedCount, records);
        _shipped.Add(records);
    }

    /// <summary>No more records are accepted (the host stops).</summary>
    internal void Complete() => _channel.Writer.TryComplete();

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}

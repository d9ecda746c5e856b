namespace Mercato.Logs.Contracts;

/// <summary>Where a process's log shipper delivers its batches: the Logs module in process, or its ingestion endpoint over HTTP.</summary>
public interface ILogSink
{
    /// <summary>Stores one batch. Records already stored (same id) are not stored twice.</summary>
    /// <exception cref="Exception">The batch could not be delivered; the shipper retries a bounded number of times, then drops it.</exception>
    Task WriteAsync(IReadOnlyList<ShippedLog> records, CancellationToken cancellationToken);
}

using System.Text.Json;
using Mercato.Logs.Contracts;
using Mercato.Logs.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Logs.Entries;

/// <summary>
/// Stores shipped records in the Logs database: the in-process sink of a co-hosted Logs module,
/// and the ingestion endpoint's store. A record whose id is stored already is skipped, so a batch
/// retried after a lost answer is stored once.
/// </summary>
internal sealed class InProcessLogSink(LogsDbContext db, TimeProvider time) : ILogSink
{
    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<ShippedLog> records, CancellationToken cancellationToken)
    {
        // The shipper's flow is already kept from shipping; the ingestion endpoint's is too (see IngestApi).
        var ids = records.Select(r => r.Id).ToList();
        var known = await db.Logs.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var record in records.Where(r => !known.Contains(r.Id)).DistinctBy(r => r.Id))
        {
            db.Logs.Add(new LogEntry
            {
                Id = record.Id,
                Timestamp = record.Timestamp.UtcDateTime,
                ReceivedAt = now,
                Service = Cut(record.Service, 200),
                Level = LogLevels.ByName.GetValueOrDefault(record.Level, LogLevels.ByName["information"]),
                Category = Cut(record.Category, 300),
                EventId = record.EventId,
                EventName = record.EventName is null ? null : Cut(record.EventName, 200),
                Message = record.Message,
                Template = record.Template,
                ExceptionType = record.ExceptionType is null ? null : Cut(record.ExceptionType, 300),
                ExceptionMessage = record.ExceptionMessage,
                ExceptionDetail = record.ExceptionDetail,
                CorrelationId = record.CorrelationId is null ? null : Cut(record.CorrelationId, 128),
                TraceId = record.TraceId is null ? null : Cut(record.TraceId, 32),
                SpanId = record.SpanId is null ? null : Cut(record.SpanId, 16),
                Properties = record.Properties is { Count: > 0 } properties ? JsonSerializer.Serialize(properties) : null,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

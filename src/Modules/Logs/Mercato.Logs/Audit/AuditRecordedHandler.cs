using Mercato.Logs.Data;
using Mercato.Messaging.Audit;
using Mercato.Messaging.Events;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Logs.Audit;

/// <summary>Keeps a module's audited changes in the append-only trail (once: the inbox and the entries' ids see to it).</summary>
internal sealed class AuditRecordedHandler(LogsDbContext db, TimeProvider time) : IIntegrationEventHandler<AuditRecorded>
{
    /// <inheritdoc />
    public async Task HandleAsync(AuditRecorded integrationEvent, CancellationToken cancellationToken)
    {
        var ids = integrationEvent.Entries.Select(e => e.Id).ToList();
        var known = await db.Audit.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in integrationEvent.Entries.Where(e => !known.Contains(e.Id)).DistinctBy(e => e.Id))
        {
            db.Audit.Add(new AuditEntry
            {
                Id = entry.Id,
                OccurredAt = entry.OccurredAt.UtcDateTime,
                Module = entry.Module,
                Actor = entry.Actor,
                ActorType = entry.ActorType,
                Action = entry.Action,
                ResourceType = entry.ResourceType,
                ResourceId = entry.ResourceId,
                Before = entry.Before,
                After = entry.After,
                Outcome = entry.Outcome,
                ClientIp = entry.ClientIp,
                CorrelationId = entry.CorrelationId,
                TraceId = entry.TraceId,
                RecordedAt = now,
            });
        }
    }
}

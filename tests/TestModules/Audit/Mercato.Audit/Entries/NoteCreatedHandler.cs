using System.Diagnostics;
using Mercato.Audit.Data;
using Mercato.Messaging.Events;
using Mercato.Platform.Correlation;
using Mercato.Probe.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Audit.Entries;

/// <summary>Records each NoteCreated, with the correlation and trace it arrived with.</summary>
public sealed partial class NoteCreatedHandler(AuditDbContext db, FailureInjector failures, TimeProvider time, ILogger<NoteCreatedHandler> logger)
    : IIntegrationEventHandler<NoteCreated>
{
    /// <inheritdoc />
    public async Task HandleAsync(NoteCreated integrationEvent, CancellationToken cancellationToken)
    {
        LogStarted(logger, integrationEvent.Id);
        await failures.WorkAsync(integrationEvent.Text);
        db.Entries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            EventId = integrationEvent.Id,
            NoteId = integrationEvent.NoteId,
            Text = integrationEvent.Text,
            CorrelationId = CorrelationContext.CurrentId,
            TraceId = Activity.Current?.TraceId.ToHexString(),
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        });
        // Save first, then fail: proves a failed attempt's writes roll back with the transaction.
        await db.SaveChangesAsync(cancellationToken);
        failures.MaybeFail(integrationEvent.Id, integrationEvent.Text);
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Audit handler started for event {EventId}")]
    private static partial void LogStarted(ILogger logger, Guid eventId);
}

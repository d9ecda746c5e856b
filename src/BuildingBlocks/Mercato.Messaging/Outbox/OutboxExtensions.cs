using System.Diagnostics;
using Mercato.Messaging.Events;
using Mercato.Platform.Correlation;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Messaging.Outbox;

/// <summary>Writing events to the outbox, inside the caller's unit of work.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// Adds the event to the outbox of <paramref name="context"/>. It is stored by the same
    /// <c>SaveChanges</c> (and transaction) as the state change it describes, and published
    /// by the relay afterwards.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext context, IntegrationEvent integrationEvent, string source)
    {
        var activity = Activity.Current;
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = integrationEvent.Id,
            Type = IntegrationEvent.NameOf(integrationEvent.GetType()),
            Payload = EventSerializer.Serialize(integrationEvent),
            Source = source,
            OccurredAt = integrationEvent.OccurredAt.UtcDateTime,
            CorrelationId = CorrelationContext.CurrentId,
            TraceParent = activity?.Id is { } id && activity.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = activity?.TraceStateString,
            NextAttemptAt = integrationEvent.OccurredAt.UtcDateTime,
        });
    }
}

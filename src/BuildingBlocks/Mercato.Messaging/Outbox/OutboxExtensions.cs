using System.Diagnostics;
using Mercato.Messaging.Events;
using Mercato.Platform.Correlation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Outbox;

/// <summary>Writing events to the outbox, inside the caller's unit of work.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// Adds the event to the outbox of <paramref name="context"/>. It is stored by the same
    /// <c>SaveChanges</c> (and transaction) as the state change it describes, and published
    /// by the relay afterwards. Its <see cref="IntegrationEvent.OccurredAt"/> is stamped now,
    /// from the application's <see cref="TimeProvider"/>.
    /// </summary>
    /// <returns>The event as stored (with its time).</returns>
    public static IntegrationEvent AddIntegrationEvent(this DbContext context, IntegrationEvent integrationEvent, string source)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stamped = integrationEvent with { OccurredAt = ClockOf(context).GetUtcNow() };
        var activity = Activity.Current;
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = stamped.Id,
            Type = IntegrationEvent.NameOf(stamped.GetType()),
            Payload = EventSerializer.Serialize(stamped),
            Source = source,
            OccurredAt = stamped.OccurredAt.UtcDateTime,
            CorrelationId = CorrelationContext.CurrentId,
            TraceParent = activity?.Id is { } id && activity.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = activity?.TraceStateString,
            NextAttemptAt = stamped.OccurredAt.UtcDateTime,
        });
        return stamped;
    }

    /// <summary>The application's clock, as registered next to the context (the system clock when there is none).</summary>
    private static TimeProvider ClockOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;
}

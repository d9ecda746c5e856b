using Mercato.Messaging.Events;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Testing;

/// <summary>
/// Delivers another module's integration events into a test host through its real messaging
/// pipeline: an outbox row, the relay, the transport and each handler's inbox.
/// </summary>
public static class EventDelivery
{
    /// <summary>How long a delivery may take before the test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Writes <paramref name="integrationEvent"/> to the outbox of <typeparamref name="TContext"/>
    /// (as its producer writes it to its own) and waits until the relay has published it, that is,
    /// on the in-process transport, until every subscribed handler has committed.
    /// </summary>
    /// <exception cref="InvalidOperationException">A handler failed (the relay recorded its error).</exception>
    public static async Task RelayAsync<TContext>(this IServiceProvider services, IntegrationEvent integrationEvent, string source)
        where TContext : DbContext
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            db.AddIntegrationEvent(integrationEvent, source);
            await db.SaveChangesAsync();
        }

        await PublishedAsync<TContext>(services, integrationEvent.Id);
    }

    /// <summary>
    /// Publishes an already relayed outbox row once more, as the relay does after a crash between
    /// the publish and marking the row done, and waits until it went through again.
    /// </summary>
    public static async Task RedeliverAsync<TContext>(this IServiceProvider services, Guid eventId)
        where TContext : DbContext
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var reopened = await scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>()
                .Where(m => m.Id == eventId && m.ProcessedAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null).SetProperty(m => m.Attempts, 0));
            if (reopened != 1)
            {
                throw new InvalidOperationException($"Event {eventId} is not a relayed outbox row.");
            }
        }

        services.GetRequiredService<OutboxSignal>().Notify();
        await PublishedAsync<TContext>(services, eventId);
    }

    /// <summary>
    /// Hands the event straight to the host's transport, as a relay does (many at once, when the
    /// test calls it in parallel); returns once the transport has delivered it.
    /// </summary>
    public static Task PublishAsync(this IServiceProvider services, IntegrationEvent integrationEvent, string source)
        => services.GetRequiredService<IMessageTransport>().PublishAsync(
            new MessageEnvelope(
                integrationEvent.Id,
                IntegrationEvent.NameOf(integrationEvent.GetType()),
                EventSerializer.Serialize(integrationEvent),
                integrationEvent.OccurredAt,
                source,
                null,
                null,
                null),
            CancellationToken.None);

    private static async Task PublishedAsync<TContext>(IServiceProvider services, Guid eventId)
        where TContext : DbContext
    {
        var row = await MercatoProcess.EventuallyAsync(
            async () =>
            {
                await using var scope = services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == eventId);
            },
            m => m.ProcessedAt is not null || m.LastError is not null,
            Patience);
        if (row.ProcessedAt is null)
        {
            throw new InvalidOperationException($"{row.Type} {row.Id} was not delivered: {row.LastError}");
        }
    }
}

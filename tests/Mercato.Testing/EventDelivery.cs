using Mercato.Messaging.Events;
using Mercato.Messaging.Inbox;
using Mercato.Messaging.InProcess;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Testing;

/// <summary>
/// Delivers another module's integration events into a test host through its real messaging
/// pipeline: an outbox row, the relay, the transport, each consumer's queue and each handler's inbox.
/// </summary>
public static class EventDelivery
{
    /// <summary>How long a delivery may take before the test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Writes <paramref name="integrationEvent"/> to the outbox of <typeparamref name="TContext"/>
    /// (as its producer writes it to its own) and waits until the relay has published it and,
    /// on the in-process transport, every subscribed handler has committed its queued copy.
    /// </summary>
    /// <exception cref="InvalidOperationException">A handler failed (its queued copy recorded the error).</exception>
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

        services.GetRequiredService<OutboxSignal<TContext>>().Notify();
        await PublishedAsync<TContext>(services, eventId);
    }

    /// <summary>
    /// Delivers the event straight to every subscribed handler's inbox, as a consumer does after
    /// taking it from its queue (many at once, when the test calls it in parallel, as concurrent
    /// redeliveries would); returns once every handler has committed or found it already applied.
    /// </summary>
    public static async Task PublishAsync(this IServiceProvider services, IntegrationEvent integrationEvent, string source)
    {
        var name = IntegrationEvent.NameOf(integrationEvent.GetType());
        var envelope = new MessageEnvelope(
            integrationEvent.Id,
            name,
            EventSerializer.Serialize(integrationEvent),
            integrationEvent.OccurredAt,
            source,
            null,
            null,
            null);
        var dispatcher = services.GetRequiredService<InboxDispatcher>();
        foreach (var subscription in services.GetRequiredService<EventSubscriptions>().For(name))
        {
            await dispatcher.DispatchAsync(subscription, envelope, CancellationToken.None);
        }
    }

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

        // The consumers' copies (in-process transport): each is removed once its handler committed.
        var failed = await MercatoProcess.EventuallyAsync(
            async () =>
            {
                await using var scope = services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<TContext>().Set<ConsumerQueueMessage>().AsNoTracking()
                    .Where(m => m.MessageId == eventId).ToListAsync();
            },
            copies => copies.All(c => c.LastError is not null),
            Patience);
        if (failed.Count > 0)
        {
            throw new InvalidOperationException(
                $"{row.Type} {row.Id} was not applied: {string.Join("; ", failed.Select(c => $"{c.Consumer}: {c.LastError}"))}");
        }
    }
}

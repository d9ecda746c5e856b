using Mercato.Messaging.Events;
using Mercato.Messaging.Transport;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Messaging.InProcess;

/// <summary>
/// The embedded transport: a durable hand-off to one queue per consumer. Publishing adds one
/// <see cref="ConsumerQueueMessage"/> per subscribed handler to the producer's own unit of work,
/// so the copies commit with the outbox row's published mark (all of them or none). No handler
/// runs inside the relay: the <see cref="ConsumerQueueWorker{TContext}"/> drains each consuming module's
/// copies in its own lane, with each copy's own retries and parking, so a slow or failing consumer never delays
/// another consumer or the producer.
/// </summary>
public sealed class InProcessTransport(EventSubscriptions subscriptions, TimeProvider time) : IMessageTransport
{
    /// <inheritdoc />
    public Task PublishAsync(MessageEnvelope envelope, DbContext producer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(producer);
        var now = time.GetUtcNow().UtcDateTime;
        var queue = producer.Set<ConsumerQueueMessage>();
        foreach (var subscription in subscriptions.For(envelope.Type))
        {
            queue.Add(new ConsumerQueueMessage
            {
                Id = Guid.CreateVersion7(),
                MessageId = envelope.Id,
                Consumer = subscription.Consumer,
                Type = envelope.Type,
                Payload = envelope.Payload,
                Source = envelope.Source,
                OccurredAt = envelope.OccurredAt.UtcDateTime,
                CorrelationId = envelope.CorrelationId,
                TraceParent = envelope.TraceParent,
                TraceState = envelope.TraceState,
                EnqueuedAt = now,
                NextAttemptAt = now,
            });
        }

        return Task.CompletedTask;
    }
}

using Mercato.Messaging.Events;
using Mercato.Messaging.Inbox;
using Mercato.Messaging.Transport;

namespace Mercato.Messaging.InProcess;

/// <summary>
/// The embedded transport: the relay's publish runs every subscribed handler in this process
/// and succeeds only when all have committed. A failing handler fails the publish, so the
/// relay retries with backoff (handlers that already committed skip it through their inbox)
/// and finally parks the row: the in-process equivalent of a dead-letter queue.
/// </summary>
public sealed class InProcessTransport(EventSubscriptions subscriptions, InboxDispatcher dispatcher) : IMessageTransport
{
    /// <inheritdoc />
    public async Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        foreach (var subscription in subscriptions.For(envelope.Type))
        {
            try
            {
                await dispatcher.DispatchAsync(subscription, envelope, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Other handlers still get the event; the failures are rethrown together.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException($"{failures.Count} handler(s) of {envelope.Type} failed", failures);
        }
    }
}

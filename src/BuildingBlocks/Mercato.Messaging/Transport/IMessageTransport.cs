using Mercato.Messaging.Events;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Messaging.Transport;

/// <summary>Carries published events to their consumers.</summary>
public interface IMessageTransport
{
    /// <summary>
    /// Publishes one event. Returns only once the transport has taken responsibility for it
    /// (a broker confirm), or has added its consumers' copies to <paramref name="producer"/>,
    /// the relay's unit of work, which commits them with the outbox row's published mark
    /// (embedded queues); throws otherwise.
    /// </summary>
    /// <param name="envelope">The event and its headers.</param>
    /// <param name="producer">The producing module's DbContext the relay is working in.</param>
    /// <param name="cancellationToken">Cancels the publish.</param>
    Task PublishAsync(MessageEnvelope envelope, DbContext producer, CancellationToken cancellationToken);
}

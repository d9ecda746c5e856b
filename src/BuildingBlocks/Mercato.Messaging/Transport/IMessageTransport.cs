using Mercato.Messaging.Events;

namespace Mercato.Messaging.Transport;

/// <summary>Carries published events to their consumers.</summary>
public interface IMessageTransport
{
    /// <summary>
    /// Publishes one event. Returns only once the transport has taken responsibility for it
    /// (broker confirm, or in-process handlers committed); throws otherwise.
    /// </summary>
    Task PublishAsync(MessageEnvelope envelope, CancellationToken cancellationToken);
}

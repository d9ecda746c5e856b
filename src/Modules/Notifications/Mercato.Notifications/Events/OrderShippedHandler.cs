using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;
using Mercato.Ordering.Contracts;

namespace Mercato.Notifications.Events;

/// <summary>An order left the warehouse: its contact gets the carrier, the tracking number and the tracking link.</summary>
internal sealed class OrderShippedHandler(OrderMessages messages) : IIntegrationEventHandler<OrderShipped>
{
    /// <inheritdoc />
    public Task HandleAsync(OrderShipped integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(integrationEvent.Id, integrationEvent.OrderId, TemplateKeys.OrderShipped, null, cancellationToken);
}

using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;
using Mercato.Ordering.Contracts;

namespace Mercato.Notifications.Events;

/// <summary>An order was placed: its contact gets the order's summary.</summary>
internal sealed class OrderPlacedHandler(OrderMessages messages) : IIntegrationEventHandler<OrderPlaced>
{
    /// <inheritdoc />
    public Task HandleAsync(OrderPlaced integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(integrationEvent.Id, integrationEvent.OrderId, TemplateKeys.OrderPlaced, null, cancellationToken);
}

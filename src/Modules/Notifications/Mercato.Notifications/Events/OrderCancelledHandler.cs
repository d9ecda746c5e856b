using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;
using Mercato.Ordering.Contracts;

namespace Mercato.Notifications.Events;

/// <summary>An order was cancelled: its contact is told why, and that a payment will be refunded.</summary>
internal sealed class OrderCancelledHandler(OrderMessages messages) : IIntegrationEventHandler<OrderCancelled>
{
    /// <inheritdoc />
    public Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(integrationEvent.Id, integrationEvent.OrderId, TemplateKeys.OrderCancelled, (model, order) => model.WithOrder(order with { CancelReason = integrationEvent.Reason }, wasPaid: integrationEvent.WasPaid), cancellationToken);
}

using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;
using Mercato.Ordering.Contracts;

namespace Mercato.Notifications.Events;

/// <summary>An order's payment was confirmed: its contact is told.</summary>
internal sealed class OrderPaidHandler(OrderMessages messages) : IIntegrationEventHandler<OrderPaid>
{
    /// <inheritdoc />
    public Task HandleAsync(OrderPaid integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(integrationEvent.Id, integrationEvent.OrderId, TemplateKeys.OrderPaid, (model, _) => model.WithPayment(integrationEvent.Amount), cancellationToken);
}

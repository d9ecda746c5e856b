using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;
using Mercato.Payments.Contracts;

namespace Mercato.Notifications.Events;

/// <summary>A payment attempt failed: the order's contact is told and invited to pay again.</summary>
internal sealed class PaymentFailedHandler(OrderMessages messages) : IIntegrationEventHandler<PaymentFailed>
{
    /// <inheritdoc />
    public Task HandleAsync(PaymentFailed integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(integrationEvent.Id, integrationEvent.OrderId, TemplateKeys.PaymentFailed, (model, _) => model.WithPayment(0m, integrationEvent.Reason), cancellationToken);
}

using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;
using Mercato.Payments.Contracts;

namespace Mercato.Notifications.Events;

/// <summary>Money was given back: the order's contact is told how much, and whether all of it.</summary>
internal sealed class PaymentRefundedHandler(OrderMessages messages) : IIntegrationEventHandler<PaymentRefunded>
{
    /// <inheritdoc />
    public Task HandleAsync(PaymentRefunded integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(integrationEvent.Id, integrationEvent.OrderId, TemplateKeys.PaymentRefunded, (model, _) => model.WithPayment(integrationEvent.Amount, refundedTotal: integrationEvent.RefundedTotal == 0 ? integrationEvent.Amount : integrationEvent.RefundedTotal, fullyRefunded: integrationEvent.FullyRefunded), cancellationToken);
}

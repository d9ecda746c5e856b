using Mercato.Ordering.Lifecycle;
using Mercato.Ordering.Orders;
using Mercato.Messaging.Events;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Ordering.PaymentEvents;

/// <summary>
/// A refund in full moves its order to refunded (from delivered, or from cancelled after payment);
/// a partial refund is noted in the order's history and leaves its status. A redelivered event
/// finds it refunded already (or is dropped by the inbox) and changes nothing.
/// </summary>
internal sealed partial class PaymentRefundedHandler(OrderTransitions transitions, ILogger<PaymentRefundedHandler> logger)
    : IIntegrationEventHandler<PaymentRefunded>
{
    /// <inheritdoc />
    public async Task HandleAsync(PaymentRefunded integrationEvent, CancellationToken cancellationToken)
    {
        var note = $"Refunded {integrationEvent.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
        if (!integrationEvent.FullyRefunded)
        {
            if (!await transitions.NoteAsync(integrationEvent.OrderId, note + " (partial refund)", PaymentSucceededHandler.Actor, cancellationToken))
            {
                LogNotApplied(integrationEvent.OrderId, integrationEvent.PaymentIntentId, "no such order");
            }

            return;
        }

        var result = await transitions.MoveAsync(
            integrationEvent.OrderId,
            new StatusChange(OrderStatus.Refunded, PaymentSucceededHandler.Actor, note),
            order => order.Status == OrderStatus.Refunded ? "already refunded" : null,
            cancellationToken);
        if (result.Kind is TransitionKind.NotFound or TransitionKind.Refused && result.Order?.Status != OrderStatus.Refunded)
        {
            LogNotApplied(integrationEvent.OrderId, integrationEvent.PaymentIntentId, result.Refusal ?? "no such order");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund of payment {PaymentIntent} for order {OrderId} did not change the order: {Refusal}")]
    private partial void LogNotApplied(Guid orderId, string paymentIntent, string refusal);
}

using Mercato.Messaging.Events;
using Mercato.Ordering.Lifecycle;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Ordering.PaymentEvents;

/// <summary>
/// A failed payment leaves its order pending: the customer may try again within the payment
/// window, after which the expiry job cancels the order and releases its stock. The failure is
/// logged for the shop's operators. When the failure releases money that was held for the order
/// (a voided authorisation, manual capture), the order notes it and is subject to the expiry again.
/// </summary>
internal sealed partial class PaymentFailedHandler(OrderTransitions transitions, ILogger<PaymentFailedHandler> logger) : IIntegrationEventHandler<PaymentFailed>
{
    /// <inheritdoc />
    public async Task HandleAsync(PaymentFailed integrationEvent, CancellationToken cancellationToken)
    {
        LogFailed(integrationEvent.OrderId, integrationEvent.PaymentIntentId, integrationEvent.Reason);
        await transitions.NoteAsync(
            integrationEvent.OrderId,
            $"Payment authorisation released ({integrationEvent.Reason}); the order awaits payment again",
            PaymentSucceededHandler.Actor,
            cancellationToken,
            order =>
            {
                if (order.AuthorizedPaymentIntent is null || order.AuthorizedPaymentIntent != integrationEvent.PaymentIntentId)
                {
                    return false;
                }

                order.AuthorizedPaymentIntent = null;
                return true;
            });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentIntent} for order {OrderId} failed ({Reason}); the order stays pending until paid or expired")]
    private partial void LogFailed(Guid orderId, string paymentIntent, string reason);
}

using Mercato.Messaging.Events;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Ordering.PaymentEvents;

/// <summary>
/// A failed payment leaves its order pending: the customer may try again within the payment
/// window, after which the expiry job cancels the order and releases its stock. The failure is
/// logged for the shop's operators.
/// </summary>
internal sealed partial class PaymentFailedHandler(ILogger<PaymentFailedHandler> logger) : IIntegrationEventHandler<PaymentFailed>
{
    /// <inheritdoc />
    public Task HandleAsync(PaymentFailed integrationEvent, CancellationToken cancellationToken)
    {
        LogFailed(integrationEvent.OrderId, integrationEvent.PaymentIntentId, integrationEvent.Reason);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentIntent} for order {OrderId} failed ({Reason}); the order stays pending until paid or expired")]
    private partial void LogFailed(Guid orderId, string paymentIntent, string reason);
}

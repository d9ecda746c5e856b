using Mercato.Ordering.Lifecycle;
using Mercato.Ordering.Orders;
using Mercato.Messaging.Events;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Ordering.PaymentEvents;

/// <summary>
/// A captured payment marks its order paid (which publishes <c>OrderPaid</c>, so the Catalog turns
/// the reserved stock into a sale). A capture of less than the total (manual capture, the shop
/// cannot ship everything) pays the order too, and its history notes how much was taken. A
/// redelivered event finds the order paid with the same intent and changes nothing.
/// </summary>
internal sealed partial class PaymentSucceededHandler(OrderTransitions transitions, ILogger<PaymentSucceededHandler> logger)
    : IIntegrationEventHandler<PaymentSucceeded>
{
    /// <summary>The actor recorded in the order's history.</summary>
    public const string Actor = "payments";

    /// <inheritdoc />
    public async Task HandleAsync(PaymentSucceeded integrationEvent, CancellationToken cancellationToken)
    {
        var change = new StatusChange(OrderStatus.Paid, Actor, "Payment confirmed", PaymentIntent: integrationEvent.PaymentIntentId);
        var result = await transitions.MoveAsync(integrationEvent.OrderId, change, null, cancellationToken);
        switch (result.Kind)
        {
            case TransitionKind.NotFound:
                LogUnknownOrder(integrationEvent.OrderId, integrationEvent.PaymentIntentId);
                break;
            case TransitionKind.Refused:
                // Typically paid after its payment window closed: the order is cancelled and its
                // stock released, so the payment must be given back (Payments' refund flow).
                LogNotApplied(integrationEvent.OrderId, integrationEvent.PaymentIntentId, integrationEvent.Amount, result.Refusal!);
                break;
            case TransitionKind.Moved when integrationEvent.Amount < result.Order!.Total:
                // A partial capture (manual capture: the shop cannot ship everything): paid, for less.
                var taken = integrationEvent.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
                var total = result.Order.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
                await transitions.NoteAsync(integrationEvent.OrderId, $"Partial capture: {taken} of {total} taken, the rest released", Actor, cancellationToken);
                break;
            case TransitionKind.Moved:
            case TransitionKind.AlreadyDone:
            default:
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment {PaymentIntent} names order {OrderId}, which does not exist")]
    private partial void LogUnknownOrder(Guid orderId, string paymentIntent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment {PaymentIntent} of {Amount} for order {OrderId} was not applied: {Refusal}")]
    private partial void LogNotApplied(Guid orderId, string paymentIntent, decimal amount, string refusal);
}

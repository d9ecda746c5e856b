using System.Globalization;
using Mercato.Messaging.Events;
using Mercato.Ordering.Lifecycle;
using Mercato.Ordering.Orders;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Ordering.PaymentEvents;

/// <summary>
/// The money for a pending order is held on the shopper's card (manual capture): the order keeps
/// its status, notes "Payment authorised" in its history and leaves the unpaid-order expiry until
/// the hold is captured (<c>PaymentSucceeded</c> marks it paid) or released (<c>PaymentFailed</c>
/// puts it back). A redelivered event finds the intent recorded and changes nothing; an order that
/// is no longer pending is left alone (Payments releases money held for a cancelled order).
/// </summary>
internal sealed partial class PaymentAuthorizedHandler(OrderTransitions transitions, ILogger<PaymentAuthorizedHandler> logger)
    : IIntegrationEventHandler<PaymentAuthorized>
{
    /// <summary>The history note.</summary>
    public const string Note = "Payment authorised";

    /// <inheritdoc />
    public async Task HandleAsync(PaymentAuthorized integrationEvent, CancellationToken cancellationToken)
    {
        var refusal = (string?)null;
        var amount = integrationEvent.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        var found = await transitions.NoteAsync(
            integrationEvent.OrderId,
            $"{Note}: {amount} held until captured",
            PaymentSucceededHandler.Actor,
            cancellationToken,
            order =>
            {
                refusal = order.Status == OrderStatus.Pending ? null : $"it is {OrderStatusNames.Of(order.Status)}";
                if (refusal is not null || order.AuthorizedPaymentIntent == integrationEvent.PaymentIntentId)
                {
                    return false;
                }

                order.AuthorizedPaymentIntent = integrationEvent.PaymentIntentId;
                return true;
            });
        if (!found || refusal is not null)
        {
            LogNotApplied(integrationEvent.OrderId, integrationEvent.PaymentIntentId, refusal ?? "no such order");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorisation {PaymentIntent} for order {OrderId} was not recorded: {Refusal}")]
    private partial void LogNotApplied(Guid orderId, string paymentIntent, string refusal);
}

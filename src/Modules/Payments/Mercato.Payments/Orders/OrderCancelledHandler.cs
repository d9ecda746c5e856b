using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Mercato.Payments.Data;
using Mercato.Payments.LatePayments;
using Mercato.Payments.Refunds;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Orders;

/// <summary>
/// An order cancelled by Ordering (by its owner, an administrator, or because it stayed unpaid) is
/// remembered. A paid order's payments are given back: the refunds are recorded in the handler's
/// transaction and sent by the <see cref="RefundDispatcher"/> after it commits (no gateway call
/// holds the transaction open). A payment captured for an order that was never paid (its capture
/// raced the cancellation) is recorded as a <see cref="LatePayment"/> in the same transaction and
/// resolved by <see cref="LatePaymentSweep"/> under <c>Payments:LatePayment</c>, as is a payment
/// that arrives later for that order (see <see cref="Completion.PaymentCompletion"/>). A redelivered
/// event finds the order remembered and the refunds or records written, and changes nothing.
/// </summary>
internal sealed class OrderCancelledHandler(PaymentsDbContext db, Refunding refunds, LatePaymentResolver latePayments, TimeProvider time)
    : IIntegrationEventHandler<OrderCancelled>
{
    /// <inheritdoc />
    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken)
    {
        var reason = integrationEvent.Reason.Length > 400 ? integrationEvent.Reason[..400] : integrationEvent.Reason;
        if (!await db.CancelledOrders.AnyAsync(c => c.OrderId == integrationEvent.OrderId, cancellationToken))
        {
            db.CancelledOrders.Add(new CancelledOrder { OrderId = integrationEvent.OrderId, Reason = reason, At = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        var captured = await db.Payments.AsNoTracking()
            .Where(p => p.OrderId == integrationEvent.OrderId && p.Captured > p.Refunded)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var paymentId in captured)
        {
            if (integrationEvent.WasPaid)
            {
                await refunds.RefundRemainderAsync(paymentId, $"Order {integrationEvent.OrderNumber} cancelled: {reason}", sendNow: false, cancellationToken);
            }
            else
            {
                await latePayments.RecordAsync(paymentId, integrationEvent.OrderId, reason, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}

using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Mercato.Payments.Data;
using Mercato.Payments.Refunds;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Orders;

/// <summary>
/// An order cancelled by Ordering (by its owner, an administrator, or because it stayed unpaid) is
/// remembered, and every payment captured for it is given back. A payment that arrives later for
/// that order finds it remembered and is given back too (see <see cref="Completion.PaymentCompletion"/>).
/// The refunds are recorded in the handler's transaction and sent by the <see cref="RefundDispatcher"/>
/// after it commits (no gateway call holds the transaction open). A redelivered event finds the
/// order remembered and the refunds recorded, and changes nothing.
/// </summary>
internal sealed class OrderCancelledHandler(PaymentsDbContext db, Refunding refunds, TimeProvider time) : IIntegrationEventHandler<OrderCancelled>
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
            await refunds.RefundRemainderAsync(paymentId, $"Order {integrationEvent.OrderNumber} cancelled: {reason}", sendNow: false, cancellationToken);
        }
    }
}

using Mercato.Ordering.Contracts;
using Mercato.Payments.Data;
using Mercato.Payments.Ledger;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Payments;

/// <summary>
/// The order a caller may pay now: theirs (an administrator may pay any), still pending, inside
/// its payment window, with something to pay, and not paid by another payment. Read from Ordering
/// at the moment of paying, never from the request.
/// </summary>
internal sealed class PayableOrders(IOrderingClient orders, PaymentsDbContext db, TimeProvider time)
{
    /// <summary>The order, or the error to answer: 404 not the caller's or no such order, 409 not payable, 400 when an administrator names none.</summary>
    public async Task<(OrderBilling? Order, ApiErrorResult? Error)> FindAsync(PaymentCaller caller, Guid? orderId, CancellationToken cancellationToken)
    {
        OrderBilling? order;
        if (orderId is { } id)
        {
            order = await orders.GetBillingAsync(id, cancellationToken);
        }
        else if (caller.UserId is null && caller.GuestKeyHash is null)
        {
            return (null, ApiResults.BadRequest("orderId", "'Order Id' must not be empty.", ErrorCodes.RequiredField));
        }
        else
        {
            order = await orders.FindLatestPendingAsync(caller.UserId, caller.UserId is null ? caller.GuestKeyHash : null, cancellationToken);
            if (order is null)
            {
                return (null, ApiResults.NotFound("No order of yours is waiting for payment"));
            }
        }

        if (order is null || !caller.Owns(order.UserId, order.GuestKeyHash))
        {
            return (null, ApiResults.NotFound("Order not found"));
        }

        var refusal = order switch
        {
            { IsPending: false } => $"Order {order.OrderNumber} is {order.Status}, so it cannot be paid",
            { ExpiresAt: { } expires } when expires <= time.GetUtcNow().UtcDateTime => $"The payment window of order {order.OrderNumber} has closed",
            { Total: <= 0 } => $"Order {order.OrderNumber} has nothing to pay",
            _ => null,
        };
        refusal ??= await db.Payments.AnyAsync(p => p.OrderId == order.OrderId && (p.Captured > 0 || p.Status == PaymentStatus.Authorized), cancellationToken)
            ? $"Order {order.OrderNumber} is already paid, or its payment is authorised and awaits capture"
            : null;
        return refusal is null ? (order, null) : (null, ApiResults.Conflict(PaymentErrors.OrderNotPayable, refusal, "orderId"));
    }
}

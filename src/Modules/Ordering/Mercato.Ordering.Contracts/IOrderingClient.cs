namespace Mercato.Ordering.Contracts;

/// <summary>What other modules (Payments, Notifications) may ask Ordering, in process or over HTTP.</summary>
public interface IOrderingClient
{
    /// <summary>The order's billing view, or null when there is no such order.</summary>
    Task<OrderBilling?> GetBillingAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// The newest order still waiting for its payment of a customer (<paramref name="userId"/>) or
    /// of a guest (<paramref name="guestKeyHash"/>), or null when there is none.
    /// </summary>
    Task<OrderBilling?> FindLatestPendingAsync(Guid? userId, string? guestKeyHash, CancellationToken cancellationToken);

    /// <summary>The order as a message about it shows it, or null when there is no such order.</summary>
    Task<OrderDetails?> GetDetailsAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Revives an order cancelled because its payment did not arrive in time, now that it has: its
    /// stock is held again and its coupon redeemed again, and it waits for its payment with a fresh
    /// window. Only an order cancelled by expiry; idempotent (an order already revived answers
    /// revived). Null when there is no such order.
    /// </summary>
    Task<OrderRevival?> ReviveAsync(Guid orderId, CancellationToken cancellationToken);
}

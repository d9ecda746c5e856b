namespace Mercato.Ordering.Contracts;

/// <summary>What other modules (Payments) may ask Ordering, in process or over HTTP.</summary>
public interface IOrderingClient
{
    /// <summary>The order's billing view, or null when there is no such order.</summary>
    Task<OrderBilling?> GetBillingAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// The newest order still waiting for its payment of a customer (<paramref name="userId"/>) or
    /// of a guest (<paramref name="guestKeyHash"/>), or null when there is none.
    /// </summary>
    Task<OrderBilling?> FindLatestPendingAsync(Guid? userId, string? guestKeyHash, CancellationToken cancellationToken);
}

using Mercato.Ordering.Contracts;
using Mercato.Ordering.Data;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Revival;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Payments;

/// <summary>
/// Ordering as Payments sees it when both run in one process (the HTTP client calls the same
/// queries through <see cref="ServiceOrdersApi"/> otherwise).
/// </summary>
internal sealed class OrderBillings(OrderingDbContext db, OrderReviver reviver) : IOrderingClient
{
    /// <summary>Who the in-process client's revivals are recorded as.</summary>
    public const string Actor = "payments";

    /// <inheritdoc />
    public async Task<OrderBilling?> GetBillingAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        return order is null ? null : From(order);
    }

    /// <inheritdoc />
    public async Task<OrderBilling?> FindLatestPendingAsync(Guid? userId, string? guestKeyHash, CancellationToken cancellationToken)
    {
        if ((userId is null) == (guestKeyHash is null))
        {
            throw new ArgumentException("Name either a customer or a guest's key hash.", nameof(userId));
        }

        var pending = db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Pending && !o.IsArchived);
        pending = userId is { } id ? pending.Where(o => o.UserId == id) : pending.Where(o => o.GuestKeyHash == guestKeyHash);
        var order = await pending.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        return order is null ? null : From(order);
    }

    /// <inheritdoc />
    public Task<OrderRevival?> ReviveAsync(Guid orderId, CancellationToken cancellationToken)
        => reviver.ReviveAsync(orderId, Actor, cancellationToken);

    private static OrderBilling From(Order order) => new(
        order.Id,
        order.Number,
        order.UserId,
        order.GuestKeyHash,
        order.ContactEmail,
        OrderStatusNames.Of(order.Status),
        order.Total,
        order.Status == OrderStatus.Pending ? order.ExpiresAt : null,
        order.PaymentMethodId);
}

using Mercato.Messaging.Audit;
using Mercato.Ordering.Contracts;
using Mercato.Ordering.Data;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Revival;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Payments;

/// <summary>
/// Ordering as its neighbours (Payments, Notifications) see it when they run in one process (the
/// HTTP client calls the same queries through <see cref="ServiceOrdersApi"/> otherwise).
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
    public async Task<OrderDetails?> GetDetailsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Lines).Include(o => o.StatusHistory)
            .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var history = StatusHistoryOrder.Chain(order.StatusHistory);
        var shipping = history.LastOrDefault(c => c.TrackingNumber is not null || c.Carrier is not null);
        var cancelled = history.LastOrDefault(c => c.To == OrderStatus.Cancelled);
        var address = order.ShippingAddress;
        return new OrderDetails(
            order.Id,
            order.Number,
            order.UserId,
            OrderStatusNames.Of(order.Status),
            order.ContactEmail,
            order.FirstName ?? string.Empty,
            order.LastName ?? string.Empty,
            order.Phone,
            [.. order.Lines.OrderBy(l => l.ProductName, StringComparer.Ordinal).Select(l => new OrderDetailsLine(l.ProductName, l.Sku, l.Quantity, l.UnitPrice, l.LineTotal))],
            order.Subtotal,
            order.Discount,
            order.Tax,
            order.ShippingCost,
            order.Total,
            [.. new[] { address.Street, address.City, string.Join(' ', new[] { address.State, address.ZipCode }.Where(p => p.Length > 0)), address.Country }.Where(p => p.Length > 0)],
            shipping?.TrackingNumber,
            shipping?.Carrier,
            cancelled?.Note,
            order.CreatedAt);
    }

    /// <inheritdoc />
    public async Task<OrderRevival?> ReviveAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var service = ServiceCall.Begin(OrderingModule.Name);
        return await reviver.ReviveAsync(orderId, Actor, cancellationToken);
    }

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

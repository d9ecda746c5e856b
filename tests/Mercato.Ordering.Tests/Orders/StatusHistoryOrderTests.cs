using Mercato.Ordering.Orders;

namespace Mercato.Ordering.Tests.Orders;

/// <summary>The history follows the chain of statuses even when every entry has the same timestamp.</summary>
public sealed class StatusHistoryOrderTests
{
    [Fact]
    public void Entries_sharing_one_timestamp_come_out_in_the_order_they_happened()
    {
        var at = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
        OrderStatus?[] froms = [null, OrderStatus.Pending, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered];
        OrderStatus[] tos = [OrderStatus.Pending, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Refunded];
        var entries = froms.Zip(tos, (from, to) => new OrderStatusChange { Id = Guid.NewGuid(), From = from, To = to, At = at, Actor = "test" }).ToList();

        var shuffled = entries.OrderBy(e => e.Id).ToList();

        Assert.Equal(tos, StatusHistoryOrder.Chain(shuffled).Select(e => e.To));
    }

    [Fact]
    public void An_entry_outside_the_chain_follows_by_time()
    {
        var at = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
        var created = new OrderStatusChange { From = null, To = OrderStatus.Pending, At = at, Actor = "test" };
        var stray = new OrderStatusChange { From = OrderStatus.Shipped, To = OrderStatus.Delivered, At = at.AddMinutes(5), Actor = "test" };
        var paid = new OrderStatusChange { From = OrderStatus.Pending, To = OrderStatus.Paid, At = at.AddMinutes(1), Actor = "test" };

        Assert.Equal([created, paid, stray], StatusHistoryOrder.Chain([stray, paid, created]));
    }
}

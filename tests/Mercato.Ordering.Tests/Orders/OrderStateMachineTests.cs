using Mercato.Ordering.Orders;

namespace Mercato.Ordering.Tests.Orders;

/// <summary>Every (from, to) pair of the lifecycle, paid and unpaid, against the table written out here.</summary>
public sealed class OrderStateMachineTests
{
    // The lifecycle as the issue states it: pending → paid → processing → shipped → delivered,
    // cancelled from pending, paid or processing, refunded from a paid-then-cancelled or a delivered order.
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> Always =
    [
        (OrderStatus.Pending, OrderStatus.Paid),
        (OrderStatus.Pending, OrderStatus.Cancelled),
        (OrderStatus.Paid, OrderStatus.Processing),
        (OrderStatus.Paid, OrderStatus.Cancelled),
        (OrderStatus.Processing, OrderStatus.Shipped),
        (OrderStatus.Processing, OrderStatus.Cancelled),
        (OrderStatus.Shipped, OrderStatus.Delivered),
        (OrderStatus.Delivered, OrderStatus.Refunded),
    ];

    private static readonly (OrderStatus From, OrderStatus To) OnlyWhenPaid = (OrderStatus.Cancelled, OrderStatus.Refunded);

    /// <summary>All 7 × 7 × 2 combinations with the expected answer.</summary>
    public static TheoryData<string, string, bool, bool> EveryPair()
    {
        // By name: OrderStatus is internal to Ordering, and a public theory cannot take it.
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                foreach (var paid in new[] { false, true })
                {
                    data.Add(from.ToString(), to.ToString(), paid, Always.Contains((from, to)) || (paid && (from, to) == OnlyWhenPaid));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_move_is_allowed_exactly_when_the_table_lists_it(string from, string to, bool wasPaid, bool allowed)
        => Assert.Equal(allowed, OrderStateMachine.CanMove(Enum.Parse<OrderStatus>(from), Enum.Parse<OrderStatus>(to), wasPaid));

    [Fact]
    public void Seven_statuses_with_nine_moves_for_a_paid_order_and_eight_for_an_unpaid_one()
    {
        var statuses = Enum.GetValues<OrderStatus>();
        Assert.Equal(7, statuses.Length);
        Assert.Equal(9, statuses.Sum(from => OrderStateMachine.NextFrom(from, wasPaid: true).Count));
        Assert.Equal(8, statuses.Sum(from => OrderStateMachine.NextFrom(from, wasPaid: false).Count));
    }

    [Fact]
    public void No_status_moves_to_itself()
        => Assert.All(Enum.GetValues<OrderStatus>(), s => Assert.False(OrderStateMachine.CanMove(s, s, wasPaid: true)));

    [Fact]
    public void Shipped_and_later_orders_cannot_be_cancelled()
    {
        foreach (var from in new[] { OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Refunded })
        {
            Assert.False(OrderStateMachine.CanMove(from, OrderStatus.Cancelled, wasPaid: true), from.ToString());
        }
    }

    [Fact]
    public void Next_statuses_follow_the_lifecycle_order()
    {
        Assert.Equal([OrderStatus.Paid, OrderStatus.Cancelled], OrderStateMachine.NextFrom(OrderStatus.Pending, wasPaid: false));
        Assert.Equal([OrderStatus.Processing, OrderStatus.Cancelled], OrderStateMachine.NextFrom(OrderStatus.Paid, wasPaid: true));
        Assert.Equal([OrderStatus.Refunded], OrderStateMachine.NextFrom(OrderStatus.Cancelled, wasPaid: true));
        Assert.Empty(OrderStateMachine.NextFrom(OrderStatus.Cancelled, wasPaid: false));
        Assert.Empty(OrderStateMachine.NextFrom(OrderStatus.Refunded, wasPaid: true));
    }
}

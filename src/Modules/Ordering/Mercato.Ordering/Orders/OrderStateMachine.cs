namespace Mercato.Ordering.Orders;

/// <summary>
/// The order lifecycle as one pure function. Every move not in this table is refused (the API
/// answers 409), including staying in the same status:
/// <code>
/// from        to           condition
/// ----------  -----------  ----------------------------------------
/// pending     paid         (payment events or the service endpoint)
/// pending     cancelled
/// paid        processing
/// paid        cancelled
/// processing  shipped
/// processing  cancelled
/// shipped     delivered
/// delivered   refunded
/// cancelled   refunded     only when the order had been paid
/// refunded    (none: final)
/// </code>
/// A shipped order can no longer be cancelled; a pending order was never paid, so it has nothing
/// to refund. One move lies outside this table: an order cancelled because its payment did not
/// arrive in time goes back to pending when that payment arrives late (<see cref="CanRevive"/>,
/// only through <c>OrderTransitions.ReviveAsync</c>, never through the status API).
/// </summary>
internal static class OrderStateMachine
{
    /// <summary>Whether an order may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">Its status now.</param>
    /// <param name="to">The status asked for.</param>
    /// <param name="wasPaid">Whether the order has been paid (only matters for cancelled → refunded).</param>
    public static bool CanMove(OrderStatus from, OrderStatus to, bool wasPaid) => (from, to) switch
    {
        (OrderStatus.Pending, OrderStatus.Paid) => true,
        (OrderStatus.Pending, OrderStatus.Cancelled) => true,
        (OrderStatus.Paid, OrderStatus.Processing) => true,
        (OrderStatus.Paid, OrderStatus.Cancelled) => true,
        (OrderStatus.Processing, OrderStatus.Shipped) => true,
        (OrderStatus.Processing, OrderStatus.Cancelled) => true,
        (OrderStatus.Shipped, OrderStatus.Delivered) => true,
        (OrderStatus.Delivered, OrderStatus.Refunded) => true,
        (OrderStatus.Cancelled, OrderStatus.Refunded) => wasPaid,
        _ => false,
    };

    /// <summary>Whether an order in <paramref name="from"/> may be revived (cancelled → pending, for a late payment only).</summary>
    /// <param name="from">Its status now.</param>
    public static bool CanRevive(OrderStatus from) => from == OrderStatus.Cancelled;

    /// <summary>The statuses an order may move to from <paramref name="from"/>, in lifecycle order.</summary>
    /// <param name="from">Its status now.</param>
    /// <param name="wasPaid">Whether the order has been paid.</param>
    public static IReadOnlyList<OrderStatus> NextFrom(OrderStatus from, bool wasPaid) =>
        [.. Enum.GetValues<OrderStatus>().Where(to => CanMove(from, to, wasPaid))];
}

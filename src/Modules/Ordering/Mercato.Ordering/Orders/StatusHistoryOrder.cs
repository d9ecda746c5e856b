namespace Mercato.Ordering.Orders;

/// <summary>
/// Puts an order's history in the order it happened. Timestamps alone cannot: two changes may
/// share one clock tick. The history is a chain instead: the creation entry has no
/// <see cref="OrderStatusChange.From"/>, and each later entry starts where the one before ended.
/// <see cref="OrderStateMachine"/> never returns to a status, so the chain has one way through.
/// </summary>
internal static class StatusHistoryOrder
{
    /// <summary>The entries from the creation on; any that do not fit the chain follow by time.</summary>
    public static List<OrderStatusChange> Chain(IEnumerable<OrderStatusChange> entries)
    {
        var rest = entries.OrderBy(c => c.At).ToList();
        var chain = new List<OrderStatusChange>(rest.Count);
        OrderStatus? at = null;
        while (rest.FirstOrDefault(c => c.From == at) is { } next)
        {
            chain.Add(next);
            rest.Remove(next);
            at = next.To;
        }

        chain.AddRange(rest);
        return chain;
    }
}

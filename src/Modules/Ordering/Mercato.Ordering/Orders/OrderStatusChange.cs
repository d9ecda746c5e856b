namespace Mercato.Ordering.Orders;

/// <summary>One entry of an order's status history (seed 004's <c>statusHistory</c>).</summary>
internal sealed class OrderStatusChange
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The order.</summary>
    public Guid OrderId { get; set; }

    /// <summary>The status before, or null for the entry that records the order's creation.</summary>
    public OrderStatus? From { get; set; }

    /// <summary>The status after.</summary>
    public OrderStatus To { get; set; }

    /// <summary>When it changed (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>A note for the customer or the shop, if any.</summary>
    public string? Note { get; set; }

    /// <summary>Who changed it: a user id, a service client id, or <c>system</c> for background jobs.</summary>
    public string Actor { get; set; } = string.Empty;

    /// <summary>The carrier's tracking number, when given with this change.</summary>
    public string? TrackingNumber { get; set; }

    /// <summary>The carrier, when given with this change.</summary>
    public string? Carrier { get; set; }
}

namespace Mercato.Payments.Orders;

/// <summary>
/// An order Ordering cancelled (from <c>OrderCancelled</c>). A payment captured for it, before or
/// after this row arrives, is given back.
/// </summary>
internal sealed class CancelledOrder
{
    /// <summary>The order.</summary>
    public Guid OrderId { get; set; }

    /// <summary>Why it was cancelled.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>When Payments learnt of it (UTC).</summary>
    public DateTime At { get; set; }
}

namespace Mercato.Web.Components.Account;

/// <summary>One order in detail (<c>GET /api/v1/orders/{id}</c>), the fields the order page shows.</summary>
/// <param name="Id">Order id.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="Status">Its status (lower case).</param>
/// <param name="Items">The lines as sold.</param>
/// <param name="Subtotal">Lines before discount.</param>
/// <param name="Discount">Discount.</param>
/// <param name="Tax">Tax.</param>
/// <param name="ShippingCost">Shipping.</param>
/// <param name="Total">What the shopper pays.</param>
/// <param name="ShippingAddress">Where it goes.</param>
/// <param name="BillingAddress">Where the invoice goes.</param>
/// <param name="CouponCode">The coupon, if any.</param>
/// <param name="Notes">The shopper's notes.</param>
/// <param name="StatusHistory">Every status change, oldest first.</param>
/// <param name="ExpiresAt">When an unpaid order lapses.</param>
/// <param name="IsPaid">Whether it is paid.</param>
/// <param name="PaidAt">When it was paid.</param>
/// <param name="TrackingNumber">The latest tracking number.</param>
/// <param name="Carrier">The latest carrier.</param>
/// <param name="CancelledAt">When it was cancelled.</param>
/// <param name="CancelReason">Why it was cancelled.</param>
/// <param name="CreatedAt">Placed (UTC).</param>
public sealed record OrderView(
    Guid Id,
    string OrderNumber,
    string Status,
    IReadOnlyList<OrderLineView> Items,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal ShippingCost,
    decimal Total,
    OrderAddress? ShippingAddress,
    OrderAddress? BillingAddress,
    string? CouponCode,
    string? Notes,
    IReadOnlyList<OrderStatusEntry> StatusHistory,
    DateTime? ExpiresAt,
    bool IsPaid,
    DateTime? PaidAt,
    string? TrackingNumber,
    string? Carrier,
    DateTime? CancelledAt,
    string? CancelReason,
    DateTime CreatedAt)
{
    /// <summary>Whether the shopper may still cancel it (the API decides: pending, paid or processing, before shipping).</summary>
    public bool Cancellable => Status is "pending" or "paid" or "processing";
}

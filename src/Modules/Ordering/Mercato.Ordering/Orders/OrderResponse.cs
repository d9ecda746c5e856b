using Mercato.Ordering.Checkout;

namespace Mercato.Ordering.Orders;

/// <summary>An order as seed 004 shows it.</summary>
/// <param name="Id">The order's id.</param>
/// <param name="OrderNumber">Its number, <c>ORD-YYYY-NNNNNN</c>.</param>
/// <param name="UserId">The customer, or null for a guest order.</param>
/// <param name="Status">Its status (lower case).</param>
/// <param name="Items">The lines as sold.</param>
/// <param name="Subtotal">The lines' total before discount.</param>
/// <param name="Discount">The discount.</param>
/// <param name="Tax">The tax.</param>
/// <param name="ShippingCost">The shipping.</param>
/// <param name="Total">What the customer pays.</param>
/// <param name="ShippingAddress">Where it goes.</param>
/// <param name="BillingAddress">Where the invoice goes.</param>
/// <param name="CouponCode">The coupon redeemed, if any.</param>
/// <param name="Notes">The customer's notes.</param>
/// <param name="StatusHistory">Every status change, oldest first.</param>
/// <param name="ExpiresAt">When an unpaid order is cancelled (pending orders only).</param>
/// <param name="IsPaid">Whether its payment was confirmed.</param>
/// <param name="PaymentIntent">The payment provider's intent id, once paid.</param>
/// <param name="PaymentMethodId">The saved payment method chosen at checkout (seed 004), if any.</param>
/// <param name="PaidAt">When payment was confirmed (UTC).</param>
/// <param name="TrackingNumber">The latest tracking number given, if any.</param>
/// <param name="Carrier">The latest carrier given, if any.</param>
/// <param name="CancelledAt">When it was cancelled (UTC), if it was.</param>
/// <param name="CancelReason">Why it was cancelled, if it was.</param>
/// <param name="Contact">Who to contact about it.</param>
/// <param name="IsArchived">Whether an administrator archived it (only administrators see archived orders).</param>
/// <param name="CreatedAt">Placed (UTC).</param>
/// <param name="UpdatedAt">Last changed (UTC).</param>
internal sealed record OrderResponse(
    Guid Id,
    string OrderNumber,
    Guid? UserId,
    string Status,
    IReadOnlyList<OrderLineResponse> Items,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal ShippingCost,
    decimal Total,
    AddressBody ShippingAddress,
    AddressBody BillingAddress,
    string? CouponCode,
    string? Notes,
    IReadOnlyList<StatusChangeResponse> StatusHistory,
    DateTime? ExpiresAt,
    bool IsPaid,
    string? PaymentIntent,
    Guid? PaymentMethodId,
    DateTime? PaidAt,
    string? TrackingNumber,
    string? Carrier,
    DateTime? CancelledAt,
    string? CancelReason,
    OrderContactResponse Contact,
    bool IsArchived,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The response form of a stored order with its lines and history loaded.</summary>
    public static OrderResponse From(Order o)
    {
        var history = StatusHistoryOrder.Chain(o.StatusHistory);
        var shipping = history.LastOrDefault(c => c.TrackingNumber is not null || c.Carrier is not null);
        var cancelled = history.LastOrDefault(c => c.To == OrderStatus.Cancelled);
        return new(
        o.Id,
        o.Number,
        o.UserId,
        OrderStatusNames.Of(o.Status),
        [.. o.Lines.Select(OrderLineResponse.From)],
        o.Subtotal,
        o.Discount,
        o.Tax,
        o.ShippingCost,
        o.Total,
        AddressBody.From(o.ShippingAddress),
        AddressBody.From(o.BillingAddress),
        o.CouponCode,
        o.Notes,
        [.. history.Select(StatusChangeResponse.From)],
        o.Status == OrderStatus.Pending ? o.ExpiresAt : null,
        o.PaidAt is not null,
        o.PaymentIntent,
        o.PaymentMethodId,
        o.PaidAt,
        shipping?.TrackingNumber,
        shipping?.Carrier,
        cancelled?.At,
        cancelled?.Note,
        new OrderContactResponse(o.ContactEmail, o.FirstName, o.LastName, o.Phone),
        o.IsArchived,
        o.CreatedAt,
        o.UpdatedAt);
    }
}

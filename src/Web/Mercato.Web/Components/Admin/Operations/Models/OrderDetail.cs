namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>An order as the dashboard shows it.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="OrderNumber">The API's <c>orderNumber</c>.</param>
/// <param name="UserId">The API's <c>userId</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="Items">The API's <c>items</c>.</param>
/// <param name="Subtotal">The API's <c>subtotal</c>.</param>
/// <param name="Discount">The API's <c>discount</c>.</param>
/// <param name="Tax">The API's <c>tax</c>.</param>
/// <param name="ShippingCost">The API's <c>shippingCost</c>.</param>
/// <param name="Total">The API's <c>total</c>.</param>
/// <param name="ShippingAddress">The API's <c>shippingAddress</c>.</param>
/// <param name="BillingAddress">The API's <c>billingAddress</c>.</param>
/// <param name="CouponCode">The API's <c>couponCode</c>.</param>
/// <param name="Notes">The API's <c>notes</c>.</param>
/// <param name="StatusHistory">The API's <c>statusHistory</c>.</param>
/// <param name="IsPaid">The API's <c>isPaid</c>.</param>
/// <param name="PaymentIntent">The API's <c>paymentIntent</c>.</param>
/// <param name="PaidAt">The API's <c>paidAt</c>.</param>
/// <param name="TrackingNumber">The API's <c>trackingNumber</c>.</param>
/// <param name="Carrier">The API's <c>carrier</c>.</param>
/// <param name="CancelledAt">The API's <c>cancelledAt</c>.</param>
/// <param name="CancelReason">The API's <c>cancelReason</c>.</param>
/// <param name="Contact">The API's <c>contact</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
public sealed record OrderDetail(
    Guid Id,
    string OrderNumber,
    Guid? UserId,
    string Status,
    IReadOnlyList<OrderLine> Items,
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
    bool IsPaid,
    string? PaymentIntent,
    DateTime? PaidAt,
    string? TrackingNumber,
    string? Carrier,
    DateTime? CancelledAt,
    string? CancelReason,
    OrderContact? Contact,
    DateTime CreatedAt);

using Mercato.Messaging.Events;

namespace Mercato.Ordering.Contracts;

/// <summary>An order was placed: its stock is reserved and its coupon, if any, redeemed.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its human-facing number (<c>ORD-YYYY-NNNNNN</c>).</param>
/// <param name="UserId">The signed-in customer, or null for a guest order.</param>
/// <param name="GuestEmail">The guest's contact e-mail; null when <paramref name="UserId"/> is set.</param>
/// <param name="Lines">What was ordered, at the prices paid.</param>
/// <param name="CouponCode">The coupon redeemed, if any.</param>
/// <param name="Subtotal">The lines' total before discount.</param>
/// <param name="Discount">The discount granted.</param>
/// <param name="Tax">The tax charged.</param>
/// <param name="ShippingCost">The shipping charged.</param>
/// <param name="Total">What the customer pays.</param>
[EventName("ordering.order-placed.v1")]
public sealed record OrderPlaced(
    Guid OrderId,
    string OrderNumber,
    Guid? UserId,
    string? GuestEmail,
    IReadOnlyList<OrderedLine> Lines,
    string? CouponCode,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal ShippingCost,
    decimal Total) : IntegrationEvent;

using Mercato.Ordering.Orders;

namespace Mercato.Ordering.Lifecycle;

/// <summary>A status change asked of an order.</summary>
/// <param name="To">The status asked for.</param>
/// <param name="Actor">Who asks: a user id, a service client, <c>payments</c> or <c>system</c>.</param>
/// <param name="Note">The note for the history (for a cancellation, its reason).</param>
/// <param name="TrackingNumber">The carrier's tracking number, if given.</param>
/// <param name="Carrier">The carrier, if given.</param>
/// <param name="PaymentIntent">The payment that paid the order (moves to paid only).</param>
internal sealed record StatusChange(
    OrderStatus To,
    string Actor,
    string? Note = null,
    string? TrackingNumber = null,
    string? Carrier = null,
    string? PaymentIntent = null);

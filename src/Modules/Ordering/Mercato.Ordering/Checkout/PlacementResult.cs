using Mercato.Ordering.Orders;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Ordering.Checkout;

/// <summary>What placing an order came to: the order, or the error answer with nothing kept.</summary>
/// <param name="Order">The order placed.</param>
/// <param name="Error">Why none was placed.</param>
internal sealed record PlacementResult(Order? Order, ApiErrorResult? Error);

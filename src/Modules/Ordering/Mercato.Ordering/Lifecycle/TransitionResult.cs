using Mercato.Ordering.Orders;

namespace Mercato.Ordering.Lifecycle;

/// <summary>The outcome of a status change: the order as it stands afterwards, or why nothing changed.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Order">The order after the change (with lines and history); null when not found.</param>
/// <param name="Refusal">Why the move was refused, readable by a person.</param>
internal sealed record TransitionResult(TransitionKind Kind, Order? Order, string? Refusal = null);

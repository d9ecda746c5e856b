using Mercato.Messaging.Events;

namespace Mercato.Ordering.Contracts;

/// <summary>
/// An order was cancelled (by its owner, an admin, or because it stayed unpaid): its stock goes
/// back, its coupon use is released, and when <paramref name="WasPaid"/> the payment is refunded.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its human-facing number.</param>
/// <param name="Reason">Why it was cancelled.</param>
/// <param name="WasPaid">Whether it had been paid (so Payments owes a refund).</param>
/// <param name="Lines">What had been ordered.</param>
[EventName("ordering.order-cancelled.v1")]
public sealed record OrderCancelled(Guid OrderId, string OrderNumber, string Reason, bool WasPaid, IReadOnlyList<OrderedLine> Lines) : IntegrationEvent;

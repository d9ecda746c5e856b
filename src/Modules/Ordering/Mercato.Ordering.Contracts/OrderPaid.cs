using Mercato.Messaging.Events;

namespace Mercato.Ordering.Contracts;

/// <summary>An order's payment was confirmed: its reserved stock becomes a sale.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its human-facing number.</param>
/// <param name="PaymentIntentId">The payment that paid it, if known.</param>
/// <param name="Amount">The amount paid.</param>
[EventName("ordering.order-paid.v1")]
public sealed record OrderPaid(Guid OrderId, string OrderNumber, string? PaymentIntentId, decimal Amount) : IntegrationEvent;

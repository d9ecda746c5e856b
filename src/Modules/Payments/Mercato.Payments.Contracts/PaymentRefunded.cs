using Mercato.Messaging.Events;

namespace Mercato.Payments.Contracts;

/// <summary>Money paid for an order was given back.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="PaymentIntentId">The payment provider's intent id of the original payment.</param>
/// <param name="Amount">The amount refunded.</param>
[EventName("payments.payment-refunded.v1")]
public sealed record PaymentRefunded(Guid OrderId, string PaymentIntentId, decimal Amount) : IntegrationEvent;

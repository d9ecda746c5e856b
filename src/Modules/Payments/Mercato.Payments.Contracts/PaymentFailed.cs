using Mercato.Messaging.Events;

namespace Mercato.Payments.Contracts;

/// <summary>An attempt to pay for an order failed; the order stays unpaid.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="PaymentIntentId">The payment provider's intent id.</param>
/// <param name="Reason">Why the payment failed, as the provider reported it.</param>
[EventName("payments.payment-failed.v1")]
public sealed record PaymentFailed(Guid OrderId, string PaymentIntentId, string Reason) : IntegrationEvent;

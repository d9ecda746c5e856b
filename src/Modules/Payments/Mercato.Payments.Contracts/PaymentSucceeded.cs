using Mercato.Messaging.Events;

namespace Mercato.Payments.Contracts;

/// <summary>An order's payment was captured.</summary>
/// <param name="OrderId">The order paid for.</param>
/// <param name="PaymentIntentId">The payment provider's intent id.</param>
/// <param name="Amount">The amount captured.</param>
[EventName("payments.payment-succeeded.v1")]
public sealed record PaymentSucceeded(Guid OrderId, string PaymentIntentId, decimal Amount) : IntegrationEvent;

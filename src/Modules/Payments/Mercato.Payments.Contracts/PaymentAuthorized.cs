using Mercato.Messaging.Events;

namespace Mercato.Payments.Contracts;

/// <summary>
/// The money for an order is held on the shopper's card (manual capture), not yet taken: the order
/// must not expire unpaid while it is held. A capture later publishes <see cref="PaymentSucceeded"/>;
/// a release (void) publishes <see cref="PaymentFailed"/> with the same intent id.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="PaymentIntentId">The payment provider's intent id.</param>
/// <param name="Amount">The amount held.</param>
[EventName("payments.payment-authorized.v1")]
public sealed record PaymentAuthorized(Guid OrderId, string PaymentIntentId, decimal Amount) : IntegrationEvent;

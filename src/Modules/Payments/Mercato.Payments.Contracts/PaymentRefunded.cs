using Mercato.Messaging.Events;

namespace Mercato.Payments.Contracts;

/// <summary>Money paid for an order was given back.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="PaymentIntentId">The payment provider's intent id of the original payment.</param>
/// <param name="Amount">The amount refunded by this refund.</param>
[EventName("payments.payment-refunded.v1")]
public sealed record PaymentRefunded(Guid OrderId, string PaymentIntentId, decimal Amount) : IntegrationEvent
{
    /// <summary>Everything refunded on the payment so far, this refund included (0 when the producer did not say).</summary>
    public decimal RefundedTotal { get; init; }

    /// <summary>Whether the payment is now refunded in full (true when the producer did not say, as before partial refunds existed).</summary>
    public bool FullyRefunded { get; init; } = true;
}

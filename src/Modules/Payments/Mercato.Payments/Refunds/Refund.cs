using Mercato.Messaging.Audit;

namespace Mercato.Payments.Refunds;

/// <summary>
/// Money asked back from a payment. While <see cref="RefundStatus.Requested"/> or
/// <see cref="RefundStatus.Sent"/> its amount is held, so refunds in flight together never exceed
/// what was captured.
/// </summary>
// Payments and refunds are audited whoever changes them (a customer, the gateway's webhook).
[AlwaysAudited]
internal sealed class Refund
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The payment.</summary>
    public Guid PaymentId { get; set; }

    /// <summary>How much.</summary>
    public decimal Amount { get; set; }

    /// <summary>Why.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>Who asked (an administrator's id, or <c>system</c>).</summary>
    public string RequestedBy { get; set; } = string.Empty;

    /// <summary>Where it stands.</summary>
    public RefundStatus Status { get; set; }

    /// <summary>The gateway's refund id once sent.</summary>
    public string? GatewayRefundId { get; set; }

    /// <summary>Why the gateway refused, when it did.</summary>
    public string? FailureReason { get; set; }

    /// <summary>
    /// A key unique per refund intent (an administrator's Idempotency-Key, or the automatic
    /// refund's own), sent to the gateway so a retried call never refunds twice.
    /// </summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    /// <summary>Asked for (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Whether the amount is held (requested or sent).</summary>
    public bool IsOpen => Status is RefundStatus.Requested or RefundStatus.Sent;
}

using Mercato.Messaging.Audit;

namespace Mercato.Payments.Ledger;

/// <summary>
/// One entry of a payment's ledger. (<see cref="PaymentId"/>, <see cref="Kind"/>,
/// <see cref="GatewayReference"/>) is unique, so the same gateway fact is recorded once however
/// often it is reported (redirect, webhook, reconciliation).
/// </summary>
// Payments and refunds are audited whoever changes them (a customer, the gateway's webhook).
[AlwaysAudited]
internal sealed class PaymentTransaction
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The payment.</summary>
    public Guid PaymentId { get; set; }

    /// <summary>What happened.</summary>
    public TransactionKind Kind { get; set; }

    /// <summary>The amount concerned (0 for failures and cancellations).</summary>
    public decimal Amount { get; set; }

    /// <summary>The gateway's id of this fact (a charge, a refund, a session).</summary>
    public string GatewayReference { get; set; } = string.Empty;

    /// <summary>Why, for failures and refunds.</summary>
    public string? Reason { get; set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime At { get; set; }
}

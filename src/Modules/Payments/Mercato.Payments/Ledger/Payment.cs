using Mercato.Messaging.Audit;

namespace Mercato.Payments.Ledger;

/// <summary>
/// One attempt to pay one order, through one gateway. Its <see cref="Transactions"/> are the
/// truth; <see cref="Status"/>, <see cref="Captured"/> and <see cref="Refunded"/> are kept equal to
/// what they add up to (<see cref="PaymentLedger"/>) for queries. <see cref="Version"/> guards
/// concurrent changes (redirect and webhook, parallel refunds).
/// </summary>
// Payments and refunds are audited whoever changes them (a customer, the gateway's webhook).
[AlwaysAudited]
internal sealed class Payment
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The order paid for.</summary>
    public Guid OrderId { get; set; }

    /// <summary>The order's number.</summary>
    public string OrderNumber { get; set; } = string.Empty;

    /// <summary>The customer, or null for a guest's order.</summary>
    public Guid? UserId { get; set; }

    /// <summary>SHA-256 (hex) of the guest's cart key; null for a customer's order.</summary>
    public string? GuestKeyHash { get; set; }

    /// <summary>The amount to take: the order's total.</summary>
    public decimal Amount { get; set; }

    /// <summary>ISO 4217 currency.</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>The gateway (<c>sandbox</c>, <c>stripe</c>).</summary>
    public string Gateway { get; set; } = string.Empty;

    /// <summary>The gateway's id of the charge once there is one.</summary>
    public string? GatewayPaymentId { get; set; }

    /// <summary>The saved payment method used, if any.</summary>
    public Guid? PaymentMethodId { get; set; }

    /// <summary>The card's brand once known (<c>visa</c>).</summary>
    public string? CardBrand { get; set; }

    /// <summary>The card's last four digits once known.</summary>
    public string? CardLast4 { get; set; }

    /// <summary>Where the browser goes after a challenge that succeeded (<c>POST /payments/process</c>'s <c>returnUrl</c>).</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>Where the browser goes after a challenge that failed (<c>cancelUrl</c>).</summary>
    public string? CancelUrl { get; set; }

    /// <summary>Where the shopper completes a challenge, while one is required.</summary>
    public string? ActionUrl { get; set; }

    /// <summary>What the ledger adds up to.</summary>
    public PaymentStatus Status { get; set; }

    /// <summary>Money taken, from the ledger.</summary>
    public decimal Captured { get; set; }

    /// <summary>Money given back, from the ledger.</summary>
    public decimal Refunded { get; set; }

    /// <summary>The last failure's reason, if the payment failed.</summary>
    public string? FailureReason { get; set; }

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped by every write.</summary>
    public long Version { get; set; }

    /// <summary>The ledger.</summary>
    public List<PaymentTransaction> Transactions { get; set; } = [];

    /// <summary>Refunds asked for, in every state.</summary>
    public List<Refunds.Refund> Refunds { get; set; } = [];

    /// <summary>A new pending payment of the order's total, in <paramref name="currency"/>, through <paramref name="gateway"/>.</summary>
    public static Payment For(Mercato.Ordering.Contracts.OrderBilling order, string currency, string gateway, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = order.OrderId,
        OrderNumber = order.OrderNumber,
        UserId = order.UserId,
        GuestKeyHash = order.GuestKeyHash,
        Amount = order.Total,
        Currency = currency,
        Gateway = gateway,
        Status = PaymentStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// Appends an entry unless the same gateway fact is already there; keeps the sums, the status
    /// and the version in step. Returns false when the entry was a repeat.
    /// </summary>
    public bool Record(TransactionKind kind, decimal amount, string gatewayReference, string? reason, DateTime at)
    {
        if (Transactions.Any(t => t.Kind == kind && t.GatewayReference == gatewayReference))
        {
            return false;
        }

        Transactions.Add(new PaymentTransaction
        {
            Id = Guid.CreateVersion7(),
            PaymentId = Id,
            Kind = kind,
            Amount = amount,
            GatewayReference = gatewayReference,
            Reason = reason,
            At = at,
        });
        var ledger = PaymentLedger.Of(Transactions);
        Status = ledger.Status;
        Captured = ledger.Captured;
        Refunded = ledger.Refunded;
        FailureReason = kind == TransactionKind.Failed ? reason : FailureReason;
        ActionUrl = Status == PaymentStatus.RequiresAction ? ActionUrl : null;
        UpdatedAt = at;
        Version++;
        return true;
    }
}

namespace Mercato.Payments.LatePayments;

/// <summary>
/// Money captured for an order that was cancelled (by expiry, its shopper or the shop) before the
/// payment was applied to it. Written in the same transaction that finds it (the capture's, or
/// the <c>OrderCancelled</c> handler's), so a crash can never leave captured money that nobody
/// gives back; resolved once by <see cref="LatePaymentResolver"/> under <c>Payments:LatePayment</c>.
/// </summary>
internal sealed class LatePayment
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The payment whose capture arrived late (one record per payment).</summary>
    public Guid PaymentId { get; set; }

    /// <summary>The order it was meant for.</summary>
    public Guid OrderId { get; set; }

    /// <summary>Why the order was cancelled, as Ordering said.</summary>
    public string CancellationReason { get; set; } = string.Empty;

    /// <summary>Where it stands.</summary>
    public LatePaymentStatus Status { get; set; }

    /// <summary>How it was resolved, or why its last attempt was put off.</summary>
    public string? Outcome { get; set; }

    /// <summary>How many times its resolution was tried.</summary>
    public int Attempts { get; set; }

    /// <summary>When the resolver may try it (again) (UTC).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>Found (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Resolved (UTC).</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Optimistic concurrency token: a record is resolved by one writer only.</summary>
    public long Version { get; set; }
}

using Mercato.Messaging.Audit;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>The sandbox's own record of a refund; (<see cref="IdempotencyKey"/>) is unique.</summary>
// Technical row (the simulated gateway's own state, or the record of a gateway event applied once): not audited.
[NotAudited]
internal sealed class SandboxRefund
{
    /// <summary>Id (<c>re_sbx_…</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The charge.</summary>
    public string ChargeId { get; set; } = string.Empty;

    /// <summary>The amount.</summary>
    public decimal Amount { get; set; }

    /// <summary>Whether the money went back.</summary>
    public bool Succeeded { get; set; }

    /// <summary>Why not.</summary>
    public string? FailureReason { get; set; }

    /// <summary>The merchant's key.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

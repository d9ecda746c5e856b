using Mercato.Messaging.Audit;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>The sandbox's own record of a hosted checkout page.</summary>
// Technical row (the simulated gateway's own state, or the record of a gateway event applied once): not audited.
[NotAudited]
internal sealed class SandboxSession
{
    /// <summary>Id (<c>cs_sbx_…</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The merchant's reference (Mercato's payment id).</summary>
    public Guid Reference { get; set; }

    /// <summary>The amount.</summary>
    public decimal Amount { get; set; }

    /// <summary>ISO 4217.</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>What is paid for, shown on the page.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Whether a card paid on the page is only authorised (manual capture).</summary>
    public bool ManualCapture { get; set; }

    /// <summary>Where the browser goes back to.</summary>
    public string ReturnUrl { get; set; } = string.Empty;

    /// <summary>Until when it can be paid (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Where it stands.</summary>
    public SandboxSessionStatus Status { get; set; }

    /// <summary>The latest charge made on the page.</summary>
    public string? ChargeId { get; set; }

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

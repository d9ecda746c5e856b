using Mercato.Messaging.Audit;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>A card the sandbox saved from a token. No number: brand, last four, expiry, fingerprint and its test behaviour.</summary>
// Technical row (the simulated gateway's own state, or the record of a gateway event applied once): not audited.
[NotAudited]
internal sealed class SandboxCard
{
    /// <summary>Id (<c>card_sbx_…</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Brand.</summary>
    public string Brand { get; set; } = string.Empty;

    /// <summary>Last four digits.</summary>
    public string Last4 { get; set; } = string.Empty;

    /// <summary>Expiry month.</summary>
    public int ExpiryMonth { get; set; }

    /// <summary>Expiry year.</summary>
    public int ExpiryYear { get; set; }

    /// <summary>HMAC of the number under the sandbox's secret.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    /// <summary>What charges of it do.</summary>
    public CardBehaviour Behaviour { get; set; }

    /// <summary>Whether the merchant deleted it.</summary>
    public bool Deleted { get; set; }

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

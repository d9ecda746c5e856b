using Mercato.Messaging.Audit;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>The sandbox's own record of a charge. It keeps no card number: brand, last four, expiry and a fingerprint.</summary>
// Technical row (the simulated gateway's own state, or the record of a gateway event applied once): not audited.
[NotAudited]
internal sealed class SandboxCharge
{
    /// <summary>Id (<c>ch_sbx_…</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The checkout page it was made on, if any.</summary>
    public string? SessionId { get; set; }

    /// <summary>The saved card charged, if any.</summary>
    public string? CardId { get; set; }

    /// <summary>The merchant's reference (Mercato's payment id).</summary>
    public Guid Reference { get; set; }

    /// <summary>The amount: authorised while <see cref="ChargeState.Authorized"/>, taken once succeeded (a capture may take less than was authorised).</summary>
    public decimal Amount { get; set; }

    /// <summary>Whether the charge only authorises (holds) the money until captured or voided.</summary>
    public bool ManualCapture { get; set; }

    /// <summary>The amount authorised (held) by a manual-capture charge; 0 for a charge captured at once.</summary>
    public decimal Authorized { get; set; }

    /// <summary>The merchant's key of the capture that took the money, so a retried capture answers the first.</summary>
    public string? CaptureKey { get; set; }

    /// <summary>Money given back so far.</summary>
    public decimal Refunded { get; set; }

    /// <summary>ISO 4217.</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>Where it stands.</summary>
    public ChargeState State { get; set; }

    /// <summary>Why it failed (<c>card_declined</c>, <c>insufficient_funds</c>, ...).</summary>
    public string? FailureCode { get; set; }

    /// <summary>The card's brand.</summary>
    public string Brand { get; set; } = string.Empty;

    /// <summary>The card's last four digits.</summary>
    public string Last4 { get; set; } = string.Empty;

    /// <summary>The card's behaviour (it decides refunds).</summary>
    public CardBehaviour Behaviour { get; set; }

    /// <summary>The merchant's key for a charge of a saved card (unique), so a retry never charges twice.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Where the browser goes back after a challenge.</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

using Mercato.Messaging.Audit;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>The sandbox's account: the webhook secret it generated when none is configured (one row).</summary>
// Technical row (the simulated gateway's own state, or the record of a gateway event applied once): not audited.
[NotAudited]
internal sealed class SandboxAccount
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>The webhook signing secret (<c>whsec_…</c>); also keys card fingerprints.</summary>
    public string WebhookSecret { get; set; } = string.Empty;
}

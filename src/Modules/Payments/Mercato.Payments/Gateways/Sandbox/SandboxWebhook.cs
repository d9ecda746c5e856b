using Mercato.Messaging.Audit;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>A webhook the sandbox owes the merchant, kept until delivered (retried with growing pauses).</summary>
// Technical row (the simulated gateway's own state, or the record of a gateway event applied once): not audited.
[NotAudited]
internal sealed class SandboxWebhook
{
    /// <summary>The event id (<c>evt_sbx_…</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The event type (<c>charge.succeeded</c>).</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The JSON body.</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>When to (re)send it (UTC).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; set; }

    /// <summary>The last answer's status (0 when none came).</summary>
    public int LastStatus { get; set; }

    /// <summary>When a 2xx came (UTC).</summary>
    public DateTime? DeliveredAt { get; set; }
}

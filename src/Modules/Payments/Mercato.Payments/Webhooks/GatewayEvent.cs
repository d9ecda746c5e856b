using Mercato.Messaging.Audit;

namespace Mercato.Payments.Webhooks;

/// <summary>A gateway's webhook event applied once: (<see cref="Gateway"/>, <see cref="EventId"/>) is the key, written in the same transaction as its effect.</summary>
// Technical row (the simulated gateway's own state, or the record of a gateway event applied once): not audited.
[NotAudited]
internal sealed class GatewayEvent
{
    /// <summary>The gateway.</summary>
    public string Gateway { get; set; } = string.Empty;

    /// <summary>The gateway's event id.</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>The event's type as the gateway names it.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>When it was applied (UTC).</summary>
    public DateTime ReceivedAt { get; set; }
}

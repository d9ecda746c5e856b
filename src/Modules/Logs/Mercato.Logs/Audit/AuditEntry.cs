namespace Mercato.Logs.Audit;

/// <summary>One entry of the append-only audit trail (see <see cref="Mercato.Messaging.Audit.AuditRecord"/>).</summary>
internal sealed class AuditEntry
{
    /// <summary>Id (UUIDv7, made where the change was made).</summary>
    public Guid Id { get; set; }

    /// <summary>When the change was made (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The module whose state changed.</summary>
    public string Module { get; set; } = string.Empty;

    /// <summary>Who changed it.</summary>
    public string Actor { get; set; } = string.Empty;

    /// <summary>What the actor is (<c>admin</c>, <c>staff</c>, <c>user</c>, <c>client</c>, <c>service</c>, <c>anonymous</c>).</summary>
    public string ActorType { get; set; } = string.Empty;

    /// <summary>What happened, e.g. <c>catalog.product.updated</c>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The kind of thing changed.</summary>
    public string ResourceType { get; set; } = string.Empty;

    /// <summary>Its id.</summary>
    public string ResourceId { get; set; } = string.Empty;

    /// <summary>The changed fields before, as a JSON object.</summary>
    public string? Before { get; set; }

    /// <summary>The changed fields after, as a JSON object.</summary>
    public string? After { get; set; }

    /// <summary>How it ended.</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>The caller's address.</summary>
    public string? ClientIp { get; set; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The W3C trace id.</summary>
    public string? TraceId { get; set; }

    /// <summary>When the Logs module stored it (UTC).</summary>
    public DateTime RecordedAt { get; set; }
}

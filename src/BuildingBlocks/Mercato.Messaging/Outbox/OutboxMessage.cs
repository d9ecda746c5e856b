namespace Mercato.Messaging.Outbox;

/// <summary>An event waiting in the producer's database to be published.</summary>
public sealed class OutboxMessage
{
    /// <summary>The event id.</summary>
    public Guid Id { get; set; }

    /// <summary>The event's wire name.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The serialised event.</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>The producing module.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>When the event happened (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The correlation id of the work that raised it.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>W3C traceparent.</summary>
    public string? TraceParent { get; set; }

    /// <summary>W3C tracestate.</summary>
    public string? TraceState { get; set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be tried again before this time (UTC).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The last publish error, shortened.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was published; null while pending.</summary>
    public DateTime? ProcessedAt { get; set; }

    /// <summary>When it was parked after too many failures; parked rows are kept, never dropped.</summary>
    public DateTime? ParkedAt { get; set; }
}

namespace Mercato.Messaging.InProcess;

/// <summary>
/// One consumer's copy of a published event, waiting in the embedded per-consumer queue. The
/// relay stores one copy per subscribed handler in the producer's database, in the transaction
/// that marks the outbox row published; each consumer drains its own copies with its own
/// retries, and a copy that keeps failing is parked (kept, counted), never dropped.
/// The copies live in the producer's database rather than the consumer's: the hand-off then
/// commits atomically with the published mark, and a consumer whose handler holds its own
/// database (a SQLite write lock during a slow handler) can never stall the producer's relay.
/// </summary>
public sealed class ConsumerQueueMessage
{
    /// <summary>Id of this copy.</summary>
    public Guid Id { get; set; }

    /// <summary>The event id (the consumer's inbox key).</summary>
    public Guid MessageId { get; set; }

    /// <summary>The consuming handler (<c>module/HandlerName</c>), as its inbox knows it.</summary>
    public string Consumer { get; set; } = string.Empty;

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

    /// <summary>When the copy was stored (UTC).</summary>
    public DateTime EnqueuedAt { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be tried again before this time (UTC).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The last handler error, shortened.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was parked after too many failures; parked copies are kept, never dropped.</summary>
    public DateTime? ParkedAt { get; set; }
}

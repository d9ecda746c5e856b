using Mercato.Messaging.Audit;

namespace Mercato.Webhooks.Deliveries;

/// <summary>
/// One event on its way to one endpoint: the durable queue's row. Its message id
/// (<c>webhook-id</c>) and payload never change, so retries and replays are the same message.
/// </summary>
internal sealed class WebhookDelivery
{
    /// <summary>The id (UUIDv7); <c>webhook-id</c> is <c>msg_</c> and its hex digits.</summary>
    public Guid Id { get; set; }

    /// <summary>The endpoint.</summary>
    public Guid EndpointId { get; set; }

    /// <summary>The webhook event name (<c>order.created</c>).</summary>
    public string Event { get; set; } = string.Empty;

    /// <summary>The id of the payload (<c>evt_...</c>), the same for every endpoint the event went to.</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>The integration event it came from, when it came from one (a test event did not).</summary>
    public Guid? SourceEventId { get; set; }

    /// <summary>The JSON body, exactly as sent.</summary>
    [AuditRedacted]
    public string Payload { get; set; } = string.Empty;

    /// <summary>Where it stands.</summary>
    public DeliveryStatus Status { get; set; }

    /// <summary>Attempts made in all.</summary>
    public int Attempts { get; set; }

    /// <summary>Failed attempts since it was queued or replayed (the position in the retry schedule).</summary>
    public int ScheduleStep { get; set; }

    /// <summary>When the next attempt is due.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Until when the worker that claimed it owns it; after that another may (the process died).</summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>The HTTP status of the last attempt, if one was answered.</summary>
    public int? LastStatusCode { get; set; }

    /// <summary>What went wrong in the last attempt.</summary>
    public string? LastError { get; set; }

    /// <summary>When the last attempt ended.</summary>
    public DateTime? LastAttemptAt { get; set; }

    /// <summary>When it succeeded.</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>How often an administrator replayed it.</summary>
    public int Replays { get; set; }

    /// <summary>The correlation id of the request that caused the event.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The W3C <c>traceparent</c> of the handling that queued it.</summary>
    public string? TraceParent { get; set; }

    /// <summary>When it was queued.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Its attempts.</summary>
    public List<DeliveryAttempt> AttemptLog { get; set; } = [];

    /// <summary>The <c>webhook-id</c> header.</summary>
    public string MessageId => "msg_" + Id.ToString("N");
}

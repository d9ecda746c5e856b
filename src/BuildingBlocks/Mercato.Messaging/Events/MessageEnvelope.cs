namespace Mercato.Messaging.Events;

/// <summary>An event on the wire, with the headers that travel with it.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Type">The event's wire name.</param>
/// <param name="Payload">The event serialised as JSON.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Source">The producing module.</param>
/// <param name="CorrelationId">The X-Correlation-Id of the work that raised it.</param>
/// <param name="TraceParent">W3C traceparent of the work that raised it.</param>
/// <param name="TraceState">W3C tracestate, if any.</param>
public sealed record MessageEnvelope(
    Guid Id,
    string Type,
    string Payload,
    DateTimeOffset OccurredAt,
    string Source,
    string? CorrelationId,
    string? TraceParent,
    string? TraceState);

using Mercato.Messaging.Outbox;

namespace Mercato.Messaging.Operations;

/// <summary>A parked outbox row as the operations API shows it (the payload included, to judge it).</summary>
/// <param name="Id">The event id.</param>
/// <param name="Type">The event's wire name.</param>
/// <param name="Source">The producing module.</param>
/// <param name="OccurredAt">When the event happened (UTC).</param>
/// <param name="Attempts">Failed publish attempts.</param>
/// <param name="LastError">The last publish error.</param>
/// <param name="ParkedAt">When the relay gave up on it (UTC).</param>
/// <param name="CorrelationId">The correlation id of the work that raised it.</param>
/// <param name="Payload">The serialised event.</param>
public sealed record ParkedOutboxMessageResponse(
    Guid Id, string Type, string Source, DateTime OccurredAt, int Attempts, string? LastError, DateTime? ParkedAt, string? CorrelationId, string Payload)
{
    /// <summary>The response for a row.</summary>
    internal static ParkedOutboxMessageResponse From(OutboxMessage m) =>
        new(m.Id, m.Type, m.Source, m.OccurredAt, m.Attempts, m.LastError, m.ParkedAt, m.CorrelationId, m.Payload);
}

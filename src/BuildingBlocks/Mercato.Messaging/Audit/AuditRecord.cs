namespace Mercato.Messaging.Audit;

/// <summary>One audited change.</summary>
/// <param name="Id">The entry's id (UUIDv7).</param>
/// <param name="Module">The module whose state changed.</param>
/// <param name="Actor">Who changed it: a user id, a service token's client id, or <c>service:&lt;module&gt;</c> for a module's own background work.</param>
/// <param name="ActorType">What the actor is: <c>user</c>, <c>admin</c>, <c>client</c> (service token), <c>service</c> (background work) or <c>anonymous</c>.</param>
/// <param name="Action">What happened, e.g. <c>catalog.product.updated</c>.</param>
/// <param name="ResourceType">The kind of thing changed, e.g. <c>product</c>.</param>
/// <param name="ResourceId">Its id (several key values joined by a comma).</param>
/// <param name="Before">The changed fields before the change, as a JSON object (null for a creation); sensitive fields redacted.</param>
/// <param name="After">The changed fields after the change, as a JSON object (null for a deletion); sensitive fields redacted.</param>
/// <param name="Outcome">How it ended: <c>succeeded</c> for a committed change.</param>
/// <param name="ClientIp">The caller's address, when the change came from an HTTP request.</param>
/// <param name="CorrelationId">The correlation id of the work that made the change.</param>
/// <param name="TraceId">The W3C trace id of that work.</param>
/// <param name="OccurredAt">When the change was made (UTC).</param>
public sealed record AuditRecord(
    Guid Id,
    string Module,
    string Actor,
    string ActorType,
    string Action,
    string ResourceType,
    string ResourceId,
    string? Before,
    string? After,
    string Outcome,
    string? ClientIp,
    string? CorrelationId,
    string? TraceId,
    DateTimeOffset OccurredAt);

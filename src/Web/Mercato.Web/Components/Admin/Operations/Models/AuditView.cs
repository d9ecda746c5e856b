namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>One audit entry.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="OccurredAt">The API's <c>occurredAt</c>.</param>
/// <param name="Module">The API's <c>module</c>.</param>
/// <param name="Actor">The API's <c>actor</c>.</param>
/// <param name="ActorType">The API's <c>actorType</c>.</param>
/// <param name="Action">The API's <c>action</c>.</param>
/// <param name="ResourceType">The API's <c>resourceType</c>.</param>
/// <param name="ResourceId">The API's <c>resourceId</c>.</param>
/// <param name="Before">The API's <c>before</c>.</param>
/// <param name="After">The API's <c>after</c>.</param>
/// <param name="Outcome">The API's <c>outcome</c>.</param>
/// <param name="ClientIp">The API's <c>clientIp</c>.</param>
/// <param name="CorrelationId">The API's <c>correlationId</c>.</param>
/// <param name="TraceId">The API's <c>traceId</c>.</param>
public sealed record AuditView(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Module,
    string Actor,
    string ActorType,
    string Action,
    string ResourceType,
    string ResourceId,
    System.Text.Json.JsonElement? Before,
    System.Text.Json.JsonElement? After,
    string Outcome,
    string? ClientIp,
    string? CorrelationId,
    string? TraceId);

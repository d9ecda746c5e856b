using System.Text.Json;
using Mercato.Logs.Export;

namespace Mercato.Logs.Audit;

/// <summary>An audit entry as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="OccurredAt">When the change was made.</param>
/// <param name="Module">The module whose state changed.</param>
/// <param name="Actor">Who changed it.</param>
/// <param name="ActorType">What the actor is.</param>
/// <param name="Action">What happened.</param>
/// <param name="ResourceType">The kind of thing changed.</param>
/// <param name="ResourceId">Its id.</param>
/// <param name="Before">The changed fields before.</param>
/// <param name="After">The changed fields after.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ClientIp">The caller's address.</param>
/// <param name="CorrelationId">The correlation id.</param>
/// <param name="TraceId">The W3C trace id.</param>
internal sealed record AuditResponse(
    Guid Id,
    DateTimeOffset OccurredAt,
    string Module,
    string Actor,
    string ActorType,
    string Action,
    string ResourceType,
    string ResourceId,
    JsonElement? Before,
    JsonElement? After,
    string Outcome,
    string? ClientIp,
    string? CorrelationId,
    string? TraceId)
{
    /// <summary>The response of an entry.</summary>
    public static AuditResponse From(AuditEntry a) => new(
        a.Id, JsonText.Utc(a.OccurredAt), a.Module, a.Actor, a.ActorType, a.Action, a.ResourceType, a.ResourceId,
        JsonText.Parse(a.Before), JsonText.Parse(a.After), a.Outcome, a.ClientIp, a.CorrelationId, a.TraceId);
}

namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A webhook delivery with its attempts.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="EndpointId">The API's <c>endpointId</c>.</param>
/// <param name="Event">The API's <c>event</c>.</param>
/// <param name="EventId">The API's <c>eventId</c>.</param>
/// <param name="WebhookId">The API's <c>webhookId</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="AttemptCount">The API's <c>attemptCount</c>.</param>
/// <param name="NextAttemptAt">The API's <c>nextAttemptAt</c>.</param>
/// <param name="LastStatusCode">The API's <c>lastStatusCode</c>.</param>
/// <param name="LastError">The API's <c>lastError</c>.</param>
/// <param name="LastAttemptAt">The API's <c>lastAttemptAt</c>.</param>
/// <param name="DeliveredAt">The API's <c>deliveredAt</c>.</param>
/// <param name="Replays">The API's <c>replays</c>.</param>
/// <param name="CorrelationId">The API's <c>correlationId</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
/// <param name="Payload">The API's <c>payload</c>.</param>
/// <param name="Attempts">The API's <c>attempts</c>.</param>
public sealed record DeliveryView(
    Guid Id,
    Guid EndpointId,
    string Event,
    string EventId,
    string WebhookId,
    string Status,
    int AttemptCount,
    DateTime? NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTime? LastAttemptAt,
    DateTime? DeliveredAt,
    int Replays,
    string? CorrelationId,
    DateTime CreatedAt,
    System.Text.Json.JsonElement Payload,
    IReadOnlyList<AttemptView> Attempts);

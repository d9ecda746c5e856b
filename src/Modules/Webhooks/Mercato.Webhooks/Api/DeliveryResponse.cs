using System.Text.Json;
using Mercato.Webhooks.Deliveries;

namespace Mercato.Webhooks.Api;

/// <summary>One attempt as the delivery log shows it.</summary>
/// <param name="Number">1 for the first.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="DurationMs">How long it took.</param>
/// <param name="Url">Where it was sent.</param>
/// <param name="RequestHeaders">The headers sent.</param>
/// <param name="StatusCode">The status answered, if any.</param>
/// <param name="ResponseBody">The first 4 KB of the answer.</param>
/// <param name="Error">What went wrong.</param>
/// <param name="Succeeded">Whether it was accepted (2xx).</param>
internal sealed record AttemptResponse(
    int Number, DateTime StartedAt, long DurationMs, string Url, IReadOnlyDictionary<string, string> RequestHeaders, int? StatusCode, string? ResponseBody, string? Error, bool Succeeded)
{
    /// <summary>The attempt as shown.</summary>
    public static AttemptResponse From(DeliveryAttempt a) => new(
        a.Number, a.StartedAt, a.DurationMs, a.Url, JsonSerializer.Deserialize<Dictionary<string, string>>(a.RequestHeaders) ?? [], a.StatusCode, a.ResponseBody, a.Error, a.Succeeded);
}

/// <summary>A delivery with its payload and attempts.</summary>
/// <param name="Id">The delivery.</param>
/// <param name="EndpointId">The endpoint.</param>
/// <param name="Event">The event name.</param>
/// <param name="EventId">The payload's id.</param>
/// <param name="WebhookId">The <c>webhook-id</c> header (the same at every attempt and replay).</param>
/// <param name="Status"><c>pending</c>, <c>sending</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="AttemptCount">Attempts made.</param>
/// <param name="NextAttemptAt">When the next attempt is due (pending only).</param>
/// <param name="LastStatusCode">The last status answered.</param>
/// <param name="LastError">The last error.</param>
/// <param name="LastAttemptAt">When the last attempt ended.</param>
/// <param name="DeliveredAt">When it succeeded.</param>
/// <param name="Replays">How often it was replayed.</param>
/// <param name="CorrelationId">The correlation id of the request behind the event.</param>
/// <param name="TraceParent">The W3C trace context it was queued in.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="Payload">The body sent.</param>
/// <param name="Attempts">Its attempts, oldest first.</param>
internal sealed record DeliveryResponse(
    Guid Id, Guid EndpointId, string Event, string EventId, string WebhookId, string Status, int AttemptCount, DateTime? NextAttemptAt,
    int? LastStatusCode, string? LastError, DateTime? LastAttemptAt, DateTime? DeliveredAt, int Replays, string? CorrelationId, string? TraceParent,
    DateTime CreatedAt, JsonElement Payload, IReadOnlyList<AttemptResponse> Attempts)
{
    /// <summary>The delivery as shown.</summary>
    public static DeliveryResponse From(WebhookDelivery d) => new(
        d.Id, d.EndpointId, d.Event, d.EventId, d.MessageId, DeliveryStatusNames.Of(d.Status), d.Attempts,
        d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastStatusCode, d.LastError, d.LastAttemptAt, d.DeliveredAt, d.Replays,
        d.CorrelationId, d.TraceParent, d.CreatedAt, Json(d.Payload),
        [.. d.AttemptLog.OrderBy(a => a.Number).ThenBy(a => a.StartedAt).Select(AttemptResponse.From)]);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

/// <summary>An event one can subscribe to.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it means.</param>
internal sealed record EventTypeResponse(string Name, string Description);

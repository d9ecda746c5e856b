using System.Diagnostics;
using Mercato.Platform.Correlation;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Endpoints;
using Mercato.Webhooks.Events;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Deliveries;

/// <summary>
/// Adds deliveries to the durable queue (the deliveries table). The caller saves: an event
/// handler in its inbox transaction, an endpoint in its request. Each delivery keeps the
/// correlation id and <c>traceparent</c> of the work that queued it.
/// </summary>
internal sealed class DeliveryQueue(WebhooksDbContext db, TimeProvider time)
{
    /// <summary>Queues <paramref name="message"/> for every enabled endpoint subscribed to it.</summary>
    public async Task<int> FanOutAsync(WebhookMessage message, Guid sourceEventId, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var endpoints = await db.Endpoints.Where(e => e.Enabled).ToListAsync(cancellationToken);
        var targets = endpoints.Where(e => e.Subscribes(message.Event)).ToList();
        if (targets.Count == 0)
        {
            return 0;
        }

        var already = await db.Deliveries
            .Where(d => d.SourceEventId == sourceEventId && d.Event == message.Event)
            .Select(d => d.EndpointId).ToListAsync(cancellationToken);
        var createdAt = (occurredAt == default ? time.GetUtcNow() : occurredAt).UtcDateTime;
        var (eventId, payload) = WebhookPayload.Create(message.Event, createdAt, message.Data);
        foreach (var endpoint in targets.Where(t => !already.Contains(t.Id)))
        {
            Add(endpoint, message.Event, eventId, payload, sourceEventId);
        }

        return targets.Count;
    }

    /// <summary>Queues a <c>webhook.test</c> event to <paramref name="endpoint"/> only.</summary>
    public WebhookDelivery Test(WebhookEndpoint endpoint, string requestedBy)
    {
        var (eventId, payload) = WebhookPayload.Create(
            WebhookEventNames.Test, time.GetUtcNow().UtcDateTime, new TestData(endpoint.Id, $"A test event sent by {requestedBy}"));
        return Add(endpoint, WebhookEventNames.Test, eventId, payload, null);
    }

    private WebhookDelivery Add(WebhookEndpoint endpoint, string eventName, string eventId, string payload, Guid? sourceEventId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var delivery = new WebhookDelivery
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            EndpointId = endpoint.Id,
            Event = eventName,
            EventId = eventId,
            SourceEventId = sourceEventId,
            Payload = payload,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CorrelationId = CorrelationContext.CurrentId,
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Deliveries.Add(delivery);
        return delivery;
    }
}

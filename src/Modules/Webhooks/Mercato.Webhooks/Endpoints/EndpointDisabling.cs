using Mercato.Messaging.Outbox;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Contracts;

namespace Mercato.Webhooks.Endpoints;

/// <summary>Mercato disabling an endpoint on its own, and telling the shop (<see cref="WebhookEndpointDisabled"/> through the outbox).</summary>
internal static class EndpointDisabling
{
    /// <summary>Disables <paramref name="endpoint"/> for <paramref name="reason"/> and queues the event; the caller saves.</summary>
    public static void Disable(WebhooksDbContext db, WebhookEndpoint endpoint, string reason, DateTime now)
    {
        var failingSince = endpoint.FailingSince;
        endpoint.Enabled = false;
        endpoint.DisabledReason = reason;
        endpoint.DisabledAt = now;
        endpoint.UpdatedAt = now;
        db.AddIntegrationEvent(
            new WebhookEndpointDisabled(endpoint.Id, endpoint.Url, reason, failingSince is null ? null : new DateTimeOffset(DateTime.SpecifyKind(failingSince.Value, DateTimeKind.Utc))),
            WebhooksModule.Name);
    }
}

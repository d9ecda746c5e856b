using Mercato.Messaging.Audit;
using Mercato.Messaging.Outbox;
using Mercato.Webhooks.Contracts;
using Mercato.Webhooks.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Endpoints;

/// <summary>Mercato disabling an endpoint on its own, and telling the shop (<see cref="WebhookEndpointDisabled"/> through the outbox).</summary>
internal static class EndpointDisabling
{
    /// <summary>
    /// Disables <paramref name="endpoint"/> with a conditional update (only one of several
    /// concurrent failing attempts wins) and, when this call disabled it, queues the event. Run
    /// it in the transaction of the caller's save, which commits the event.
    /// </summary>
    /// <returns>Whether this call disabled it.</returns>
    public static async Task<bool> DisableAsync(WebhooksDbContext db, WebhookEndpoint endpoint, string reason, DateTime now, CancellationToken cancellationToken)
    {
        var changed = await db.Endpoints
            .Where(e => e.Id == endpoint.Id && e.Enabled)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.Enabled, false)
                    .SetProperty(e => e.DisabledReason, reason)
                    .SetProperty(e => e.DisabledAt, now)
                    .SetProperty(e => e.UpdatedAt, now),
                cancellationToken);
        var failingSince = endpoint.FailingSince;
        endpoint.Enabled = false;
        endpoint.DisabledReason = reason;
        endpoint.DisabledAt = now;
        endpoint.UpdatedAt = now;
        if (changed == 0)
        {
            return false;
        }

        // The conditional update passes the audit interceptor by; the entry commits with the caller's save.
        AuditTrail.Record(db, WebhooksModule.Name, "disabled", "webhook-endpoint", endpoint.Id.ToString(), new { enabled = true }, new { enabled = false, disabledReason = reason });
        db.AddIntegrationEvent(
            new WebhookEndpointDisabled(endpoint.Id, endpoint.Url, reason, failingSince is null ? null : new DateTimeOffset(DateTime.SpecifyKind(failingSince.Value, DateTimeKind.Utc))),
            WebhooksModule.Name);
        return true;
    }
}

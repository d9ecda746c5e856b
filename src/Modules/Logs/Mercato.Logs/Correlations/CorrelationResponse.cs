using Mercato.Logs.Audit;
using Mercato.Logs.Entries;

namespace Mercato.Logs.Correlations;

/// <summary>Everything known about one correlation id (one request and the work it caused), oldest first.</summary>
/// <param name="CorrelationId">The correlation id.</param>
/// <param name="Logs">Its log records, from every process.</param>
/// <param name="Audit">Its audit entries, but those of notifications and webhook deliveries.</param>
/// <param name="Notifications">The audit entries of the notifications it queued and sent.</param>
/// <param name="WebhookDeliveries">The audit entries of the webhook deliveries it caused.</param>
internal sealed record CorrelationResponse(
    string CorrelationId,
    IReadOnlyList<LogResponse> Logs,
    IReadOnlyList<AuditResponse> Audit,
    IReadOnlyList<AuditResponse> Notifications,
    IReadOnlyList<AuditResponse> WebhookDeliveries);

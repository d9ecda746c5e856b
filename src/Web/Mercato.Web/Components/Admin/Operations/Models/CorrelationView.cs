namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>Everything one request caused: logs, audit entries, notifications and webhook deliveries.</summary>
/// <param name="CorrelationId">The API's <c>correlationId</c>.</param>
/// <param name="Logs">The API's <c>logs</c>.</param>
/// <param name="Audit">The API's <c>audit</c>.</param>
/// <param name="Notifications">The API's <c>notifications</c>.</param>
/// <param name="WebhookDeliveries">The API's <c>webhookDeliveries</c>.</param>
public sealed record CorrelationView(
    string CorrelationId,
    IReadOnlyList<LogView> Logs,
    IReadOnlyList<AuditView> Audit,
    IReadOnlyList<AuditView> Notifications,
    IReadOnlyList<AuditView> WebhookDeliveries);

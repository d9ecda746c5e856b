using Mercato.Messaging.Events;

namespace Mercato.Messaging.Audit;

/// <summary>
/// State changes that the audit trail keeps, written to the changing module's outbox in the same
/// transaction as the changes themselves (so an entry exists exactly when the change committed).
/// The Logs module consumes it into its append-only table.
/// </summary>
/// <param name="Entries">One entry per changed row (or per explicitly audited bulk change).</param>
[EventName("platform.audit-recorded.v1")]
public sealed record AuditRecorded(IReadOnlyList<AuditRecord> Entries) : IntegrationEvent;

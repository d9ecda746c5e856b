namespace Mercato.Messaging.Audit;

/// <summary>Keeps an entity type out of the audit trail: purely technical rows (queues, caches, simulated gateways).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>
/// Audits every change of an entity type whoever makes it (a customer, a gateway's webhook, an
/// anonymous caller), not only administrators' and services' changes: payments and refunds.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AlwaysAuditedAttribute : Attribute;

/// <summary>Names an entity type in the audit trail (default: the class name in kebab case, <c>WebhookDelivery</c> → <c>webhook-delivery</c>).</summary>
/// <param name="name">The resource type.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AuditResourceAttribute(string name) : Attribute
{
    /// <summary>The resource type.</summary>
    public string Name { get; } = name;
}

/// <summary>Redacts a property in the audit trail although its name looks harmless.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class AuditRedactedAttribute : Attribute;

/// <summary>Shows a property in the audit trail although its name matches a sensitive pattern (a template's <c>Key</c>, a token count).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class AuditVisibleAttribute : Attribute;

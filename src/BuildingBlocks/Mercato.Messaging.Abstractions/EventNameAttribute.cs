namespace Mercato.Messaging.Events;

/// <summary>
/// The explicit, versioned wire name of an integration event:
/// <c>&lt;module&gt;.&lt;kebab-case-past-tense&gt;.v&lt;N&gt;</c>, e.g. <c>ordering.order-placed.v1</c>.
/// It is a contract: it never changes once published (webhooks send it to the outside world),
/// and a new shape of the event is a new type with the next version.
/// </summary>
/// <param name="name">The wire name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Name { get; } = name;
}

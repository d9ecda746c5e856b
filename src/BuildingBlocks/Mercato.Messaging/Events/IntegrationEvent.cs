namespace Mercato.Messaging.Events;

/// <summary>
/// Base of every integration event: a fact, named in the past tense, declared in the
/// producer's <c>Contracts</c> project.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Unique id; consumers use it to apply the event once.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>When the fact happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The wire name of an event type: its class name (e.g. <c>OrderPlaced</c>).</summary>
    public static string NameOf(Type eventType) => eventType.Name;
}

using System.Collections.Concurrent;
using System.Reflection;

namespace Mercato.Messaging.Events;

/// <summary>
/// Base of every integration event: a fact, named in the past tense, declared in the
/// producer's <c>Contracts</c> project with its wire name (<see cref="EventNameAttribute"/>).
/// </summary>
public abstract record IntegrationEvent
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    /// <summary>Unique id; consumers use it to apply the event once.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>
    /// When the fact happened (UTC). The outbox stamps it from the module's
    /// <see cref="TimeProvider"/> when the event is written with its state change.
    /// </summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The wire name of an event type, from its <see cref="EventNameAttribute"/>.</summary>
    /// <exception cref="InvalidOperationException">The type declares no wire name.</exception>
    public static string NameOf(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return Names.GetOrAdd(eventType, static type =>
            type.GetCustomAttribute<EventNameAttribute>(inherit: false)?.Name is { Length: > 0 } name
                ? name
                : throw new InvalidOperationException(
                    $"Integration event {type.FullName} has no wire name; declare one with [EventName(\"<module>.<event-name>.v1\")]."));
    }
}

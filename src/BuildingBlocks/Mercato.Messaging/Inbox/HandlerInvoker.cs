using System.Collections.Concurrent;
using System.Reflection;
using Mercato.Messaging.Events;

namespace Mercato.Messaging.Inbox;

/// <summary>Calls <see cref="IIntegrationEventHandler{TEvent}.HandleAsync"/> for an event known only at run time.</summary>
internal static class HandlerInvoker
{
    private static readonly ConcurrentDictionary<Type, Func<object, IntegrationEvent, CancellationToken, Task>> Cache = new();

    public static Task InvokeAsync(object handler, Type eventType, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
        => Cache.GetOrAdd(eventType, Build)(handler, integrationEvent, cancellationToken);

    private static Func<object, IntegrationEvent, CancellationToken, Task> Build(Type eventType)
    {
        var method = typeof(HandlerInvoker).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(eventType);
        return method.CreateDelegate<Func<object, IntegrationEvent, CancellationToken, Task>>();
    }

    private static Task Invoke<TEvent>(object handler, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
        => ((IIntegrationEventHandler<TEvent>)handler).HandleAsync((TEvent)integrationEvent, cancellationToken);
}

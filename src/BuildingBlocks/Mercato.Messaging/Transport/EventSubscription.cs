namespace Mercato.Messaging.Transport;

/// <summary>One handler of one event type in one consuming module.</summary>
/// <param name="Module">The consuming module (one queue per module on RabbitMQ).</param>
/// <param name="EventName">The event's wire name.</param>
/// <param name="EventType">The event's CLR type.</param>
/// <param name="HandlerType">The handler's CLR type.</param>
/// <param name="ContextType">The consuming module's DbContext, which holds its inbox.</param>
public sealed record EventSubscription(string Module, string EventName, Type EventType, Type HandlerType, Type ContextType)
{
    /// <summary>The inbox key of this handler.</summary>
    public string Consumer => $"{Module}/{HandlerType.Name}";
}

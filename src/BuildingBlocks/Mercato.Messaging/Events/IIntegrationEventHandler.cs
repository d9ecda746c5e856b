namespace Mercato.Messaging.Events;

/// <summary>
/// Handles one event type inside the consuming module. The handler changes state through the
/// module's scoped DbContext; the inbox record and those changes commit in one transaction.
/// </summary>
/// <typeparam name="TEvent">The event handled.</typeparam>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    /// <summary>Applies the event.</summary>
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

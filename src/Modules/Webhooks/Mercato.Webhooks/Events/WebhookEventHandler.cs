using Mercato.Messaging.Events;
using Mercato.Webhooks.Deliveries;

namespace Mercato.Webhooks.Events;

/// <summary>
/// Turns an integration event into one delivery per subscribed, enabled endpoint, in the
/// handler's transaction (the inbox record and the deliveries commit together). Each event has
/// its own named subclass: the inbox knows a consumer by its handler's type name.
/// </summary>
/// <typeparam name="TEvent">The integration event.</typeparam>
internal abstract class WebhookEventHandler<TEvent>(WebhookEventMap<TEvent> map, DeliveryQueue queue) : IIntegrationEventHandler<TEvent>
    where TEvent : IntegrationEvent
{
    /// <inheritdoc />
    public async Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var message in map.Map(integrationEvent))
        {
            await queue.FanOutAsync(message, integrationEvent.Id, integrationEvent.OccurredAt, cancellationToken);
        }
    }
}

using Mercato.Messaging.Events;

namespace Mercato.Ordering.Contracts;

/// <summary>An order left the warehouse.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its human-facing number.</param>
/// <param name="TrackingNumber">The carrier's tracking number, if given.</param>
/// <param name="Carrier">The carrier, if given.</param>
[EventName("ordering.order-shipped.v1")]
public sealed record OrderShipped(Guid OrderId, string OrderNumber, string? TrackingNumber, string? Carrier) : IntegrationEvent;

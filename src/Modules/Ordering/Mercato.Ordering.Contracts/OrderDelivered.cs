using Mercato.Messaging.Events;

namespace Mercato.Ordering.Contracts;

/// <summary>An order reached its customer; the Catalog records the purchases for verified reviews.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its human-facing number.</param>
/// <param name="UserId">The customer, or null for a guest order.</param>
/// <param name="ProductIds">The products delivered, each once.</param>
[EventName("ordering.order-delivered.v1")]
public sealed record OrderDelivered(Guid OrderId, string OrderNumber, Guid? UserId, IReadOnlyList<Guid> ProductIds) : IntegrationEvent;

using Mercato.Catalog.Stock;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.OrderEvents;

/// <summary>
/// A cancelled order's stock comes back exactly once (<see cref="StockService.GiveBackAsync"/>):
/// held units are released, units already sold (cancelled after payment) return on hand. A
/// redelivered event stops at the inbox; another cancellation event for the same order finds
/// nothing left to move.
/// </summary>
internal sealed partial class OrderCancelledHandler(StockService stock, ILogger<OrderCancelledHandler> logger) : IIntegrationEventHandler<OrderCancelled>
{
    /// <inheritdoc />
    public async Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken)
    {
        var outcome = await stock.GiveBackAsync(integrationEvent.OrderId, OrderEventActor.Name, cancellationToken);
        if (outcome.Status == TransitionStatus.NotFound)
        {
            LogNoReservation(logger, integrationEvent.OrderNumber, integrationEvent.OrderId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Number} ({OrderId}) was cancelled but holds no stock reservation")]
    private static partial void LogNoReservation(ILogger logger, string number, Guid orderId);
}

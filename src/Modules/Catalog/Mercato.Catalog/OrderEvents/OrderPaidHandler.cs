using Mercato.Catalog.Stock;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.OrderEvents;

/// <summary>A paid order's held stock becomes a sale (<see cref="StockService.CommitAsync"/>): on-hand and reserved both drop.</summary>
internal sealed partial class OrderPaidHandler(StockService stock, ILogger<OrderPaidHandler> logger) : IIntegrationEventHandler<OrderPaid>
{
    /// <inheritdoc />
    public async Task HandleAsync(OrderPaid integrationEvent, CancellationToken cancellationToken)
    {
        var outcome = await stock.CommitAsync(integrationEvent.OrderId, OrderEventActor.Name, cancellationToken);
        if (outcome.Status != TransitionStatus.Done)
        {
            // Nothing a retry could change (no reservation, or it was already given back): say so loudly.
            LogNotCommitted(logger, integrationEvent.OrderNumber, integrationEvent.OrderId, outcome.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Number} ({OrderId}) was paid but its stock reservation could not be committed: {Status}")]
    private static partial void LogNotCommitted(ILogger logger, string number, Guid orderId, TransitionStatus status);
}

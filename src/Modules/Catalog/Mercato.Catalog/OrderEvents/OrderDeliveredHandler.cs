using Mercato.Catalog.Data;
using Mercato.Catalog.Reviews;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.OrderEvents;

/// <summary>
/// Records that the customer received each product of a delivered order, so their reviews of it
/// are verified purchases. Guest orders record nothing (there is no account to review with), and
/// a product the customer already received keeps its first record.
/// </summary>
internal sealed class OrderDeliveredHandler(CatalogDbContext db, TimeProvider time) : IIntegrationEventHandler<OrderDelivered>
{
    /// <inheritdoc />
    public async Task HandleAsync(OrderDelivered integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.UserId is not { } userId)
        {
            return;
        }

        var products = integrationEvent.ProductIds.Distinct().ToList();
        var recorded = await db.Purchases
            .Where(p => p.UserId == userId && products.Contains(p.ProductId))
            .Select(p => p.ProductId)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        db.Purchases.AddRange(products.Except(recorded).Select(productId => new PurchaseRecord { UserId = userId, ProductId = productId, RecordedAt = now }));

        // Committed by the inbox together with its record of this event; a parallel delivery of
        // another order with the same product loses on the key and is retried, then finds it recorded.
        await db.SaveChangesAsync(cancellationToken);
    }
}

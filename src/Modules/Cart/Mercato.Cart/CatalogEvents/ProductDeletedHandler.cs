using Mercato.Cart.Data;
using Mercato.Catalog.Contracts;
using Mercato.Messaging.Events;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.CatalogEvents;

/// <summary>Flags the lines holding a removed product as unavailable; the shopper sees why and removes them.</summary>
internal sealed class ProductDeletedHandler(CartDbContext db) : IIntegrationEventHandler<ProductDeleted>
{
    /// <inheritdoc />
    public Task HandleAsync(ProductDeleted integrationEvent, CancellationToken cancellationToken)
        => db.CartItems.Where(i => i.ProductId == integrationEvent.ProductId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Available, false), cancellationToken);
}

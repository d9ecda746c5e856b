using Mercato.Cart.Data;
using Mercato.Catalog.Contracts;
using Mercato.Messaging.Events;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.CatalogEvents;

/// <summary>
/// Keeps the lines of every cart holding the product current: name, SKU, price and availability.
/// The price the shopper chose at stays, so the cart can show that the price changed.
/// </summary>
internal sealed class ProductUpdatedHandler(CartDbContext db) : IIntegrationEventHandler<ProductUpdated>
{
    /// <inheritdoc />
    public Task HandleAsync(ProductUpdated integrationEvent, CancellationToken cancellationToken)
        => db.CartItems.Where(i => i.ProductId == integrationEvent.ProductId).ExecuteUpdateAsync(
            u => u.SetProperty(i => i.ProductName, integrationEvent.Name)
                .SetProperty(i => i.Sku, integrationEvent.Sku)
                .SetProperty(i => i.UnitPrice, integrationEvent.Price)
                .SetProperty(i => i.Available, integrationEvent.Available),
            cancellationToken);
}

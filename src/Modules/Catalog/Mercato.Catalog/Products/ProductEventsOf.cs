using Mercato.Catalog.Contracts;

namespace Mercato.Catalog.Products;

/// <summary>The integration events that describe a product, as every writer of products publishes them.</summary>
internal static class ProductEventsOf
{
    /// <summary>The event of <paramref name="product"/> having been added to the catalog.</summary>
    public static ProductCreated Created(Product product)
        => new(product.Id, product.Name, product.Sku, product.Price, product.CompareAtPrice, product.Available);
}

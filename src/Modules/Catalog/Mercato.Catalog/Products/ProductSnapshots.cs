using Mercato.Catalog.Contracts;
using Mercato.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary>Products as other modules see them (<see cref="ProductSnapshot"/>), for both ways they reach the Catalog.</summary>
internal static class ProductSnapshots
{
    /// <summary>
    /// The snapshots of the products with these ids that exist, in the order of the ids (each
    /// once); unknown ids are left out, deleted products are reported unavailable with no stock.
    /// </summary>
    public static async Task<List<ProductSnapshot>> LoadAsync(CatalogDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. wanted.Where(products.ContainsKey).Select(id => From(products[id]))];
    }

    private static ProductSnapshot From(Product p) => new(
        p.Id,
        p.Name,
        p.Sku,
        p.Slug,
        p.Price,
        p.CompareAtPrice,
        (p.Images.FirstOrDefault(i => i.IsPrimary) ?? p.Images.FirstOrDefault())?.Url,
        p.CategoryId,
        p.IsDeleted ? 0 : p.AvailableStock,
        p.Available && !p.IsDeleted);
}

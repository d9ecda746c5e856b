namespace Mercato.Catalog.Products;

/// <summary>
/// The one query shape of a product as a list item shows it: only the columns
/// <see cref="ProductSummaryResponse.From"/> reads, never the long description, the
/// specifications or the related ids. Used by the product list and the search page alike.
/// </summary>
internal static class ProductSummaryColumns
{
    /// <summary>Reads only the summary columns of <paramref name="products"/>.</summary>
    public static IQueryable<Product> SelectSummary(this IQueryable<Product> products)
        => products.Select(p => new Product
        {
            Id = p.Id,
            Name = p.Name,
            Slug = p.Slug,
            Sku = p.Sku,
            Description = p.Description,
            Price = p.Price,
            CompareAtPrice = p.CompareAtPrice,
            DiscountPercent = p.DiscountPercent,
            CategoryId = p.CategoryId,
            Images = p.Images,
            Tags = p.Tags,
            Attributes = p.Attributes,
            OnHand = p.OnHand,
            Reserved = p.Reserved,
            Available = p.Available,
            RatingTotal = p.RatingTotal,
            ReviewCount = p.ReviewCount,
            CreatedAt = p.CreatedAt,
            UpdatedAt = p.UpdatedAt,
        });
}

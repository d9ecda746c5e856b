using Mercato.Catalog.Caching;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary>Builds a product's detail: its category and its latest reviews.</summary>
internal static class ProductDetails
{
    /// <summary>How many reviews the detail shows.</summary>
    public const int LatestReviews = 5;

    /// <summary>The shown (not deleted) product with this id or slug, untracked, or null.</summary>
    public static Task<Product?> FindShownAsync(CatalogDbContext db, string idOrSlug, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking().Where(p => !p.IsDeleted);
        var slug = idOrSlug.ToLowerInvariant();
        return Guid.TryParse(idOrSlug, out var id)
            ? products.FirstOrDefaultAsync(p => p.Id == id || p.Slug == slug, cancellationToken)
            : products.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
    }

    /// <summary>The detail of <paramref name="product"/>: its category from the cached tree (evicted by every category write), its latest reviews read now.</summary>
    public static async Task<ProductResponse> LoadAsync(CatalogDbContext db, CatalogReadCache cache, Product product, CancellationToken cancellationToken)
    {
        var category = ProductCategoryResponse.Of(CategoryTree.Of(await cache.CategoriesAsync(db, cancellationToken)), product.CategoryId);
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.ProductId == product.Id)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(LatestReviews)
            .Select(r => new ProductReviewResponse(r.Id, r.UserId, r.UserName, r.Rating, r.Title, r.Comment, r.VerifiedPurchase, r.CreatedAt))
            .ToListAsync(cancellationToken);
        return ProductResponse.From(product, category, reviews);
    }
}

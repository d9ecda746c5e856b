using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Support;

/// <summary>
/// Categories and products written straight into the Catalog database (the product admin API is
/// tested on its own), for the review, search and media tests.
/// </summary>
internal static class ReviewFixtures
{
    /// <summary>Runs work on a fresh scope's database.</summary>
    public static async Task<T> WithDbAsync<T>(this CatalogFactory factory, Func<CatalogDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }

    /// <summary>Adds a category with a unique slug.</summary>
    public static Task<Category> AddCategoryAsync(this CatalogFactory factory, string name = "Audio", Guid? parentId = null)
        => factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var category = new Category
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                Slug = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}",
                ParentId = parentId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            return category;
        });

    /// <summary>Adds a product (in a new category unless one is given), changed by <paramref name="configure"/>.</summary>
    public static async Task<Product> AddProductAsync(this CatalogFactory factory, Action<Product>? configure = null, Guid? categoryId = null)
    {
        var category = categoryId ?? (await factory.AddCategoryAsync()).Id;
        return await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var unique = Guid.NewGuid().ToString("N");
            var product = new Product
            {
                Id = Guid.CreateVersion7(),
                Name = "Plain Product " + unique[..8],
                Slug = "plain-" + unique,
                Sku = "SKU-" + unique[..12].ToUpperInvariant(),
                Description = "An ordinary thing.",
                Price = 10.00m,
                CategoryId = category,
                OnHand = 5,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            configure?.Invoke(product);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product;
        });
    }

    /// <summary>Reads a product as stored now.</summary>
    public static Task<Product> ReviewedProductAsync(this CatalogFactory factory, Guid id)
        => factory.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == id));
}

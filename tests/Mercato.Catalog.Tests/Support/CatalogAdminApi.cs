using System.Net;
using System.Text.Json;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Messaging.Outbox;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Support;

/// <summary>Products and categories for tests: through the admin API, or straight into the Catalog database.</summary>
internal static class CatalogAdminApi
{
    /// <summary>A short unique suffix for slugs, SKUs and names.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Runs <paramref name="work"/> on a fresh context of the host's Catalog database.</summary>
    public static async Task<T> WithCatalogDbAsync<T>(this CatalogFactory factory, Func<CatalogDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }

    /// <summary>Creates a category through the API and returns its id.</summary>
    public static async Task<Guid> CreateCategoryAsync(this HttpClient client, string adminToken, string name, Guid? parentId = null, string? slug = null)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/categories", adminToken, new { name, slug, parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary>Stores a product straight in the database (for tests of other features than product writes).</summary>
    public static Task<Product> InsertProductAsync(
        this CatalogFactory factory, Guid categoryId, decimal price = 10m, bool available = true, bool deleted = false, Action<Product>? configure = null)
        => factory.WithCatalogDbAsync(async db =>
        {
            var suffix = Unique();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var product = new Product
            {
                Id = Guid.CreateVersion7(),
                Name = $"Product {suffix}",
                Slug = $"product-{suffix}",
                Sku = $"SKU-{suffix}".ToUpperInvariant(),
                Description = "A product made by a test",
                Price = price,
                CategoryId = categoryId,
                Available = available,
                IsDeleted = deleted,
                OnHand = 5,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            configure?.Invoke(product);
            product.DiscountPercent = Product.DiscountFor(product.Price, product.CompareAtPrice);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product;
        });

    /// <summary>The stored product, or null.</summary>
    public static Task<Product?> StoredProductAsync(this CatalogFactory factory, Guid id)
        => factory.WithCatalogDbAsync(db => db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id));

    /// <summary>The outbox rows of one event type whose payload names <paramref name="productId"/>.</summary>
    public static Task<List<OutboxMessage>> ProductEventsAsync(this CatalogFactory factory, string type, Guid productId)
        => factory.WithCatalogDbAsync(async db =>
        {
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync();
            return rows.Where(r => PayloadProductId(r) == productId).ToList();
        });

    private static Guid PayloadProductId(OutboxMessage row)
    {
        using var payload = JsonDocument.Parse(row.Payload);
        return payload.RootElement.GetProperty("productId").GetGuid();
    }
}

using System.Net;
using Mercato.Catalog.Reviews;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Products;

/// <summary><c>GET /api/v1/products/{idOrSlug}</c> on one provider.</summary>
public abstract class ProductDetailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_detail_has_specifications_related_products_and_the_latest_five_reviews()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Detail " + CatalogAdminApi.Unique());
        var related = await factory.InsertProductAsync(categoryId);
        var product = await factory.InsertProductAsync(categoryId, 20m, configure: p =>
        {
            (p.RatingTotal, p.ReviewCount, p.LongDescription) = (27, 6, "Long text");
            p.Specifications = new() { ["brand"] = "AudioTech" };
            p.RelatedProductIds = [related.Id];
        });
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        var reviews = Enumerable.Range(0, 6).Select(i => new Review
        {
            Id = Guid.CreateVersion7(),
            ProductId = product.Id,
            UserId = Guid.NewGuid(),
            UserName = $"User {i}",
            Rating = i == 0 ? 2 : 5,
            Title = $"Review {i}",
            Comment = "Fine",
            CreatedAt = start.AddMinutes(-i),
        }).ToList();
        await factory.WithCatalogDbAsync(db =>
        {
            db.Reviews.AddRange(reviews);
            return db.SaveChangesAsync();
        });

        foreach (var key in new[] { product.Id.ToString(), product.Slug, product.Slug.ToUpperInvariant() })
        {
            using var response = await _client.GetAsync($"/api/v1/products/{key}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var data = (await response.ReadJsonAsync()).GetProperty("data");
            Assert.Equal(product.Id, data.GetProperty("id").GetGuid());
            Assert.Equal((4.5m, 6), (data.GetProperty("rating").GetDecimal(), data.GetProperty("reviewCount").GetInt32()));
            Assert.Equal(["Review 0", "Review 1", "Review 2", "Review 3", "Review 4"], data.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
            Assert.Equal("AudioTech", data.GetProperty("specifications").GetProperty("brand").GetString());
            Assert.Equal(related.Id, Assert.Single(data.GetProperty("relatedProducts").EnumerateArray()).GetGuid());
            Assert.Equal("Long text", data.GetProperty("longDescription").GetString());
        }
    }

    [Fact]
    public async Task Unknown_and_deleted_products_answer_404()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Gone " + CatalogAdminApi.Unique());
        var deleted = await factory.InsertProductAsync(categoryId, deleted: true);
        foreach (var key in new[] { Guid.NewGuid().ToString(), "no-such-product", deleted.Id.ToString(), deleted.Slug })
        {
            using var response = await _client.GetAsync($"/api/v1/products/{key}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteProductDetailTests(CatalogFactory factory) : ProductDetailTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProductDetailTests(PostgresCatalogFactory factory) : ProductDetailTests<PostgresCatalogFactory>(factory);

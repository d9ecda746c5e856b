using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Mercato.Catalog.Caching;
using Mercato.Catalog.Products;
using Mercato.Platform.Envelope;

namespace Mercato.Benchmarks;

/// <summary>
/// What a product list page of 20 costs the server besides the database: serialising the envelope
/// and hashing its ETag (an uncached answer), against serving the same page from the read cache
/// (the cached JSON with this request's timestamp).
/// </summary>
[MemoryDiagnoser]
public class ProductListPageBenchmarks
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private ApiResponse<PagedResult<ProductSummaryResponse>> _page = null!;
    private CachedRead _cached = null!;

    /// <summary>Builds a page of 20 products as the list endpoint does, and its cached form.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var category = new ProductCategoryResponse(Guid.CreateVersion7(), "Headphones", "headphones");
        var now = new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc);
        var items = Enumerable.Range(1, 20).Select(i => ProductSummaryResponse.From(
            new Product
            {
                Id = Guid.CreateVersion7(),
                Name = $"Wireless headphones model {i}",
                Slug = $"wireless-headphones-model-{i}",
                Sku = $"WH-{i:D5}",
                Description = "Over-ear wireless headphones with active noise cancelling and a 30-hour battery.",
                Price = 99.99m + i,
                CompareAtPrice = 129.99m + i,
                DiscountPercent = Product.DiscountFor(99.99m + i, 129.99m + i),
                Images = [new() { Url = $"/api/v1/catalog/media/products/WH-{i:D5}.svg", IsPrimary = true }],
                Tags = ["audio", "wireless"],
                OnHand = 40 + i,
                Reserved = 2,
                RatingTotal = 4 * i,
                ReviewCount = i,
                CreatedAt = now,
                UpdatedAt = now,
            },
            category)).ToList();
        _page = ApiResults.Ok(new PagedResult<ProductSummaryResponse>(items, 1, 20, 7_492)).Value!;
        _cached = CachedRead.Of(JsonSerializer.SerializeToUtf8Bytes(_page, Web), "W/\"x\"");
    }

    /// <summary>An uncached answer: the envelope serialised once and its ETag hashed from the same bytes.</summary>
    [Benchmark(Baseline = true)]
    public string SerialiseAndHash() => ConditionalGet.ETagOfJson(JsonSerializer.SerializeToUtf8Bytes(_page, Web));

    /// <summary>A cached answer: the stored JSON around a new timestamp.</summary>
    [Benchmark]
    public int ServeFromCache() => _cached.BodyAt(DateTimeOffset.UtcNow, Web).Length;
}

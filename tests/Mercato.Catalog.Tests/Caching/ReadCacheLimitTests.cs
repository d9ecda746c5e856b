using System.Net;
using Mercato.Catalog.Caching;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Caching;

/// <summary>
/// The memory tier of the read cache holds at most <c>Catalog:Caching:MaxEntries</c> entries:
/// many more distinct reads than that are all answered correctly, and the cache stays bounded.
/// </summary>
public sealed class ReadCacheLimitTests(ReadCacheLimitTests.SmallCacheFactory factory) : IClassFixture<ReadCacheLimitTests.SmallCacheFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Three_hundred_distinct_reads_are_answered_while_the_cache_keeps_at_most_its_limit()
    {
        var category = await factory.AddCategoryAsync("Bounded");
        var products = new List<Guid>();
        for (var i = 0; i < 300; i++)
        {
            products.Add((await factory.InsertProductAsync(category.Id, 10m + i)).Id);
        }

        var cache = factory.Services.GetRequiredService<CatalogReadCache>();
        for (var i = 0; i < products.Count; i++)
        {
            using var response = await _client.GetAsync($"/api/v1/products/{products[i]}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(10m + i, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("price").GetDecimal());
            Assert.True(cache.Entries <= 100, $"the cache holds {cache.Entries} entries after {i + 1} reads");
        }

        Assert.True(cache.Entries > 0, "the cache keeps answers below its limit");
    }

    /// <summary>A Catalog host whose read cache keeps 100 entries at most.</summary>
    public sealed class SmallCacheFactory : CatalogFactory
    {
        /// <summary>Creates it.</summary>
        public SmallCacheFactory() => Settings["Catalog:Caching:MaxEntries"] = "100";
    }
}

using System.Net;
using System.Text.Json;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.Tests.Caching;

/// <summary>
/// Two Catalog replicas (two hosts) on one PostgreSQL database and one Redis, as in distributed
/// mode: the read cache lives in Redis too, and an eviction on one replica reaches the other.
/// </summary>
public sealed class DistributedReadCacheTests
{
    [Fact]
    public async Task A_write_through_one_replica_is_served_by_the_other_which_had_it_cached()
    {
        var redisPrefix = TestInfrastructure.UniqueName("catalogcache") + ":";
        using var keys = new TempDirectory();
        await using var a = new ReplicaFactory(redisPrefix, keys.Path, sharedDatabasePrefix: null);
        var clientA = a.CreateClient();
        await using var b = new ReplicaFactory(redisPrefix, keys.Path, a.PostgresPrefix);
        var clientB = b.CreateClient();

        var category = await a.AddCategoryAsync("Replicated");
        var product = await a.InsertProductAsync(category.Id, 10m);
        var detail = $"/api/v1/products/{product.Id}";
        var list = $"/api/v1/products?category={category.Slug}";
        Assert.Equal((10m, 10m), (await PriceAsync(clientB, detail, product.Id), await PriceAsync(clientB, list, product.Id)));

        // Both replicas now answer from the shared cache: a change the cache is not told of stays unseen on either.
        await a.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Price, 11m)));
        Assert.Equal((10m, 10m), (await PriceAsync(clientB, detail, product.Id), await PriceAsync(clientB, list, product.Id)));
        Assert.Equal(10m, await PriceAsync(clientA, detail, product.Id));

        var admin = await Tokens.AdminAsync(clientA);
        using var patched = await clientA.SendAsync(HttpMethod.Patch, detail, admin, new { price = 12.5m });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await Eventually.HoldsAsync(
            async () => await PriceAsync(clientB, detail, product.Id) == 12.5m && await PriceAsync(clientB, list, product.Id) == 12.5m,
            "replica B to serve the new price");

        // The category tree each replica keeps in memory is evicted on the other as well.
        using var renamed = await clientA.SendAsync(HttpMethod.Put, $"/api/v1/categories/{category.Id}", admin, new { name = "Renamed on A", slug = category.Slug });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await Eventually.HoldsAsync(
            async () => (await ShownAsync(clientB, $"{list}&pageSize=9", product.Id)).GetProperty("category").GetProperty("name").GetString() == "Renamed on A",
            "replica B to name the renamed category");

        // FusionCache checks its Redis serializer at setup and warns about one it finds lacking.
        Assert.DoesNotContain(a.Logs.Entries.Concat(b.Logs.Entries), e => e.Level >= LogLevel.Warning && e.Category.StartsWith("ZiggyCreatures", StringComparison.Ordinal));
    }

    private static async Task<decimal> PriceAsync(HttpClient client, string url, Guid id)
        => (await ShownAsync(client, url, id)).GetProperty("price").GetDecimal();

    private static async Task<JsonElement> ShownAsync(HttpClient client, string url, Guid id)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data").Clone();
        return data.TryGetProperty("items", out var items) ? items.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id) : data;
    }

    /// <summary>A Catalog replica on PostgreSQL sharing state through the test Redis; the second one uses the first one's databases.</summary>
    private sealed class ReplicaFactory : CatalogFactory
    {
        public ReplicaFactory(string redisPrefix, string keysDirectory, string? sharedDatabasePrefix)
            : base(postgres: true)
        {
            Settings["Identity:DataProtection:KeysDirectory"] = keysDirectory;
            Settings["RateLimiting:Store"] = "redis";
            Settings["RateLimiting:Redis:ConnectionString"] = TestInfrastructure.Redis;
            Settings["RateLimiting:Redis:KeyPrefix"] = redisPrefix;
            if (sharedDatabasePrefix is not null)
            {
                Settings["Persistence:DatabasePrefix"] = sharedDatabasePrefix;
            }
        }
    }
}

using System.Globalization;
using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.RateLimits;

/// <summary>
/// A shopper browsing the demo shop anonymously, with rate limiting on and the clock frozen (no
/// refill): list pages and every picture on them, categories, product pages and reviews are
/// cacheable reads on the AnonymousReads plan, so 120 quick reads never meet a 429, while an
/// anonymous POST still spends the Guest plan's burst of 10. On both stores.
/// </summary>
public abstract class BrowsingRateLimitTests(string store) : IAsyncLifetime
{
    private readonly CatalogFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Catalog:DemoData:Enabled"] = "true";
        _factory.Settings["RateLimiting:Enabled"] = "true";
        _factory.Settings["RateLimiting:Store"] = store;
        _factory.Settings["RateLimiting:Redis:ConnectionString"] = TestInfrastructure.Redis;
        _factory.Settings["RateLimiting:Redis:KeyPrefix"] = TestInfrastructure.UniqueName("ratelimit") + ":";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Browsing_list_pages_with_their_pictures_makes_120_reads_without_a_429_and_guest_posts_keep_the_burst_of_10()
    {
        using var client = _factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        var categories = await client.GetAsync(new Uri("/api/v1/categories", UriKind.Relative));
        responses.Add(categories);
        var slug = (await categories.ReadJsonAsync()).GetProperty("data")[0].GetProperty("slug").GetString();
        responses.Add(await client.GetAsync(new Uri($"/api/v1/categories/{slug}", UriKind.Relative)));
        for (var page = 1; responses.Count < 120; page++)
        {
            var list = await client.GetAsync(new Uri($"/api/v1/products?pageNumber={page}&pageSize=20", UriKind.Relative));
            responses.Add(list);
            var products = (await list.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(20, products.Count);
            foreach (var product in products)
            {
                var picture = product.GetProperty("images")[0].GetProperty("url").GetString()!;
                responses.Add(await client.GetAsync(new Uri(picture, UriKind.RelativeOrAbsolute)));
            }

            var id = products[0].GetProperty("id").GetString();
            responses.Add(await client.GetAsync(new Uri($"/api/v1/products/{id}", UriKind.Relative)));
            responses.Add(await client.GetAsync(new Uri($"/api/v1/products/{id}/reviews", UriKind.Relative)));
        }

        Assert.InRange(responses.Count, 120, 140);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("AnonymousReads", Header(r, "X-RateLimit-Plan")));
        Assert.All(responses, r => Assert.Equal("300", Header(r, "X-RateLimit-Limit")));
        Assert.Equal(300 - responses.Count, int.Parse(Header(responses[^1], "X-RateLimit-Remaining"), CultureInfo.InvariantCulture));

        for (var i = 0; i < 10; i++)
        {
            var stock = await client.PostJsonAsync("/api/v1/products/stock", new { ids = new[] { Guid.NewGuid() } });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, stock.StatusCode);
            Assert.Equal("Guest", Header(stock, "X-RateLimit-Plan"));
        }

        var refused = await client.PostJsonAsync("/api/v1/products/stock", new { ids = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(["RATE_LIMIT_EXCEEDED"], (await refused.ReadErrorAsync()).ErrorCodes());
        Assert.Equal("Guest", Header(refused, "X-RateLimit-Plan"));
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
        var retryAfter = (long)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.Equal(36, retryAfter);
        Assert.Equal(
            _factory.Clock.GetUtcNow().ToUnixTimeSeconds() + retryAfter,
            long.Parse(Header(refused, "X-RateLimit-Reset"), CultureInfo.InvariantCulture),
            tolerance: 1);

        var stillBrowsing = await client.GetAsync(new Uri("/api/v1/products", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillBrowsing.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new InvalidOperationException($"{name} missing on {response.RequestMessage?.RequestUri}");
}

/// <summary>Browsing on the in-memory rate-limit store.</summary>
public sealed class MemoryBrowsingRateLimitTests() : BrowsingRateLimitTests("memory");

/// <summary>Browsing on the Redis rate-limit store (the test Redis).</summary>
public sealed class RedisBrowsingRateLimitTests() : BrowsingRateLimitTests("redis");

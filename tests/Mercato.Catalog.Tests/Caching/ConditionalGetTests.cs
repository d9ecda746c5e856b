using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Caching;

/// <summary>ETag, Cache-Control and If-None-Match on catalog reads, on one provider.</summary>
public abstract class ConditionalGetTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_product_read_round_trips_its_etag_and_an_admin_write_changes_it()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Cache " + CatalogAdminApi.Unique());
        var product = await factory.InsertProductAsync(categoryId, 10m);
        var url = $"/api/v1/products/{product.Id}";

        var etag = await FreshAsync(url);
        using (var again = await _client.GetAsync(url))
        {
            Assert.Equal(etag, again.Headers.ETag?.ToString());
        }

        await NotModifiedAsync(url, etag);
        await NotModifiedAsync(url, "\"other\", " + etag);
        await NotModifiedAsync(url, "*");

        using var patched = await _client.SendAsync(HttpMethod.Patch, url, admin, new { price = 12.5m });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var changed = await FreshAsync(url, etag);
        Assert.NotEqual(etag, changed);
    }

    [Fact]
    public async Task Lists_and_the_category_tree_change_their_etag_after_a_write()
    {
        var admin = await Tokens.AdminAsync(_client);
        var slug = "cache-" + CatalogAdminApi.Unique();
        var categoryId = await _client.CreateCategoryAsync(admin, "Cache " + slug, slug: slug);
        await factory.InsertProductAsync(categoryId, 10m);
        var urls = new[] { $"/api/v1/products?category={slug}", $"/api/v1/categories/{slug}/products", "/api/v1/categories", $"/api/v1/categories/{slug}" };
        var before = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            before[url] = await FreshAsync(url);
            await NotModifiedAsync(url, before[url]);
        }

        using var created = await _client.SendAsync(HttpMethod.Post, "/api/v1/products", admin, new
        {
            name = "Cache buster", description = "d", price = 3m, sku = "CB-" + CatalogAdminApi.Unique(), categoryId,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var url in urls)
        {
            Assert.NotEqual(before[url], await FreshAsync(url, before[url]));
        }
    }

    [Fact]
    public async Task Errors_carry_no_etag()
    {
        using var missing = await _client.GetAsync($"/api/v1/products/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(missing.Headers.ETag);
        using var bad = await _client.GetAsync("/api/v1/products?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Null(bad.Headers.ETag);
    }

    /// <summary>A 200 with an ETag and the cache policy (sending <paramref name="ifNoneMatch"/>, which must no longer match).</summary>
    private async Task<string> FreshAsync(string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True((await response.ReadJsonAsync()).GetProperty("success").GetBoolean());
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);
        return etag.ToString();
    }

    private async Task NotModifiedAsync(string url, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteConditionalGetTests(CatalogFactory factory) : ConditionalGetTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresConditionalGetTests(PostgresCatalogFactory factory) : ConditionalGetTests<PostgresCatalogFactory>(factory);

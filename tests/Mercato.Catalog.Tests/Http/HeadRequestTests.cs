using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Http;

/// <summary><c>HEAD</c> on GET routes answers exactly like GET (status, ETag, length, rate-limit headers) with an empty body, on one provider.</summary>
public abstract class HeadRequestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Head_on_a_product_its_list_and_health_answers_like_get_without_a_body()
    {
        var admin = await Tokens.AdminAsync(_client);
        var slug = "head-" + CatalogAdminApi.Unique();
        var categoryId = await _client.CreateCategoryAsync(admin, "Head " + slug, slug: slug);
        var product = await factory.InsertProductAsync(categoryId, 10m);

        foreach (var url in new[] { $"/api/v1/products/{product.Id}", $"/api/v1/products?category={slug}", "/health/live" })
        {
            using var get = await _client.CallAsync(HttpMethod.Get, url);
            using var head = await _client.CallAsync(HttpMethod.Head, url);

            await get.ExpectAsync(HttpStatusCode.OK);
            await AssertLikeGetAsync(get, head);
        }
    }

    [Fact]
    public async Task Head_keeps_the_etag_and_answers_304_to_if_none_match()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Head " + CatalogAdminApi.Unique());
        var product = await factory.InsertProductAsync(categoryId, 10m);
        var url = $"/api/v1/products/{product.Id}";
        using var head = await _client.CallAsync(HttpMethod.Head, url);
        var etag = head.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag));

        using var again = await _client.CallAsync(HttpMethod.Head, url, headers: new Dictionary<string, string> { ["If-None-Match"] = etag! });

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_on_protected_unknown_and_missing_resources_answers_like_get()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Head " + CatalogAdminApi.Unique());
        var product = await factory.InsertProductAsync(categoryId, 10m);

        foreach (var (url, status) in new[]
        {
            ($"/api/v1/products/{product.Id}/stock/ledger", HttpStatusCode.Unauthorized),
            ($"/api/v1/products/{Guid.NewGuid()}", HttpStatusCode.NotFound),
            ("/api/v1/no-such-route", HttpStatusCode.NotFound),
        })
        {
            using var get = await _client.CallAsync(HttpMethod.Get, url);
            using var head = await _client.CallAsync(HttpMethod.Head, url);

            Assert.Equal(status, get.StatusCode);
            await AssertLikeGetAsync(get, head);
        }
    }

    [Fact]
    public async Task Head_on_a_route_without_get_answers_405_like_get()
    {
        using var get = await _client.CallAsync(HttpMethod.Get, "/api/v1/auth/login");
        using var head = await _client.CallAsync(HttpMethod.Head, "/api/v1/auth/login");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    private static async Task AssertLikeGetAsync(HttpResponseMessage get, HttpResponseMessage head)
    {
        var body = await get.Content.ReadAsByteArrayAsync();
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        // HEAD ran the GET again: the envelope's timestamp may print a digit more or less
        // (trailing zeros of the fraction are dropped), so the lengths agree within that.
        Assert.NotNull(head.Content.Headers.ContentLength);
        Assert.InRange(head.Content.Headers.ContentLength!.Value, body.Length - 7, body.Length + 7);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(get.Headers.ETag?.ToString(), head.Headers.ETag?.ToString());
        Assert.Equal(Header(get, "Cache-Control"), Header(head, "Cache-Control"));
        Assert.Equal(Header(get, "X-RateLimit-Limit"), Header(head, "X-RateLimit-Limit"));
        Assert.True(head.Headers.Contains("X-Correlation-Id"));
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>On SQLite.</summary>
public sealed class SqliteHeadRequestTests(CatalogFactory factory) : HeadRequestTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresHeadRequestTests(PostgresCatalogFactory factory) : HeadRequestTests<PostgresCatalogFactory>(factory);

using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Products;

/// <summary>Seed 001's <c>limit</c>/<c>offset</c> on the product list, on one provider: honoured exactly, or 400.</summary>
public abstract class PagingAliasTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Limit_and_offset_answer_the_page_they_name()
    {
        var slug = await CategoryWithProductsAsync(5);

        using var paged = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products?category={slug}&sortBy=price&sortOrder=asc&pageSize=2&pageNumber=2");
        using var aliased = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products?category={slug}&sortBy=price&sortOrder=asc&limit=2&offset=2");
        using var both = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products?category={slug}&sortBy=price&sortOrder=asc&limit=2&pageSize=2&offset=2&pageNumber=2");

        await paged.ExpectAsync(HttpStatusCode.OK);
        await aliased.ExpectAsync(HttpStatusCode.OK);
        await both.ExpectAsync(HttpStatusCode.OK);
        var expected = (await paged.ReadJsonAsync()).GetProperty("data");
        var actual = (await aliased.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((2, 2, 5), (actual.GetProperty("pageNumber").GetInt32(), actual.GetProperty("pageSize").GetInt32(), actual.GetProperty("totalCount").GetInt32()));
        Assert.Equal([12m, 13m], actual.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("price").GetDecimal()));
        Assert.Equal(expected.GetProperty("items").ToString(), actual.GetProperty("items").ToString());
        Assert.Equal(expected.GetProperty("items").ToString(), (await both.ReadJsonAsync()).GetProperty("data").GetProperty("items").ToString());
    }

    [Fact]
    public async Task Limit_alone_is_the_page_size_and_offset_zero_the_first_page()
    {
        var slug = await CategoryWithProductsAsync(3);

        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products?category={slug}&limit=2&offset=0");

        await response.ExpectAsync(HttpStatusCode.OK);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((1, 2, 2), (data.GetProperty("pageNumber").GetInt32(), data.GetProperty("pageSize").GetInt32(), data.GetProperty("items").GetArrayLength()));
    }

    [Theory]
    [InlineData("limit=2&offset=3", "OFFSET_NOT_PAGE_ALIGNED", "offset")]
    [InlineData("offset=5", "OFFSET_NOT_PAGE_ALIGNED", "offset")]
    [InlineData("limit=101", "VALIDATION_ERROR", "limit")]
    [InlineData("limit=0", "VALIDATION_ERROR", "limit")]
    [InlineData("limit=two", "INVALID_FORMAT", "limit")]
    [InlineData("limit=2&offset=-2", "VALIDATION_ERROR", "offset")]
    [InlineData("limit=2&pageSize=3", "VALIDATION_ERROR", "limit")]
    [InlineData("limit=2&offset=2&pageNumber=3", "VALIDATION_ERROR", "offset")]
    public async Task A_paging_value_that_cannot_be_honoured_answers_400(string query, string code, string field)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal([code], error.ErrorCodes());
        Assert.Equal([field], error.ErrorFields());
    }

    [Fact]
    public async Task The_stock_ledger_takes_limit_and_offset_too()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Ledger " + CatalogAdminApi.Unique());
        var product = await factory.InsertProductAsync(categoryId, 10m);

        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products/{product.Id}/stock/ledger?limit=5&offset=10", admin);
        using var bad = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products/{product.Id}/stock/ledger?limit=5&offset=7", admin);

        await response.ExpectAsync(HttpStatusCode.OK);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((3, 5), (data.GetProperty("pageNumber").GetInt32(), data.GetProperty("pageSize").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["OFFSET_NOT_PAGE_ALIGNED"], (await bad.ReadErrorAsync()).ErrorCodes());
    }

    private async Task<string> CategoryWithProductsAsync(int count)
    {
        var admin = await Tokens.AdminAsync(_client);
        var slug = "paging-" + CatalogAdminApi.Unique();
        var categoryId = await _client.CreateCategoryAsync(admin, "Paging " + slug, slug: slug);
        for (var i = 0; i < count; i++)
        {
            await factory.InsertProductAsync(categoryId, 10m + i);
        }

        return slug;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePagingAliasTests(CatalogFactory factory) : PagingAliasTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPagingAliasTests(PostgresCatalogFactory factory) : PagingAliasTests<PostgresCatalogFactory>(factory);

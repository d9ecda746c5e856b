using System.Net;
using System.Text.Json;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Products;

/// <summary>The Catalog's OpenAPI document describes the product write bodies, the snapshot endpoint and search hits in full.</summary>
public sealed class ProductOpenApiTests(StockFactory factory) : IClassFixture<StockFactory>
{
    private static readonly string[] WriteFields =
    [
        "name", "slug", "description", "longDescription", "price", "compareAtPrice", "sku", "categoryId", "images", "stock",
        "tags", "attributes", "specifications", "available", "relatedProducts",
    ];

    [Fact]
    public async Task Both_product_write_bodies_list_every_field_and_a_search_hit_lists_the_list_items_fields_plus_its_score()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.Equal(WriteFields.Order(), Properties(schemas, "ProductRequest").Order());
        Assert.Equal(WriteFields.Order(), Properties(schemas, "ProductPatchRequest").Order());
        Assert.Equal(Properties(schemas, "ProductSummaryResponse").Append("score").Order(), Properties(schemas, "SearchItemResponse").Order());
        // Service-only (scope catalog.read): left out unless OpenApi:IncludeServiceEndpoints is on.
        Assert.False(document.GetProperty("paths").TryGetProperty("/api/v1/catalog/products/snapshots", out _));
    }

    private static IEnumerable<string> Properties(JsonElement schemas, string name)
        => schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/catalog.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}

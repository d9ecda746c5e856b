using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>The Catalog's OpenAPI document describes the stock endpoints.</summary>
public sealed class StockOpenApiTests(StockFactory factory) : IClassFixture<StockFactory>
{
    [Fact]
    public async Task The_catalog_document_lists_the_stock_paths_and_leaves_the_service_only_reservations_out()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/catalog.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        // The reservation endpoints are service-only: listed only with OpenApi:IncludeServiceEndpoints.
        foreach (var path in new[]
        {
            "/api/v1/catalog/reservations",
            "/api/v1/catalog/reservations/{orderId}",
            "/api/v1/catalog/reservations/{orderId}/commit",
            "/api/v1/catalog/reservations/{orderId}/release",
        })
        {
            Assert.False(paths.TryGetProperty(path, out _), $"{path} is service-only and should not be in the catalog document");
        }

        foreach (var path in new[]
        {
            "/api/v1/products/stock",
            "/api/v1/products/{id}/stock",
            "/api/v1/products/{id}/stock/adjustments",
            "/api/v1/products/{id}/stock/ledger",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the catalog document");
        }
    }
}

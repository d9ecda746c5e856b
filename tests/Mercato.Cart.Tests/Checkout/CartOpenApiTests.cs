using System.Net;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Checkout;

/// <summary>The Cart's OpenAPI document describes the coupon admin endpoints and leaves the service-only ones out.</summary>
public sealed class CartOpenApiTests(CartFactory factory) : IClassFixture<CartFactory>
{
    [Fact]
    public async Task The_cart_document_lists_the_coupon_paths_with_their_operations_and_leaves_the_service_paths_out()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/cart.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        foreach (var (path, methods) in new[]
        {
            ("/api/v1/coupons", new[] { "get", "post" }),
            ("/api/v1/coupons/{id}", ["get", "put", "delete"]),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the cart document");
            foreach (var method in methods)
            {
                Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing");
                Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
            }
        }

        // The service-only endpoints (scope cart.checkout) are listed only with OpenApi:IncludeServiceEndpoints.
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/api/v1/cart/service/", StringComparison.Ordinal));
    }
}

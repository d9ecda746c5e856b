using System.Net;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Privacy;

/// <summary>
/// Every response that carries tokens or personal data (sign-in, refresh, the current user, the
/// users list, carts, orders) says <c>Cache-Control: no-store</c>; catalog reads keep their public caching.
/// </summary>
public sealed class NoStoreTests(OrderingFactory factory) : IClassFixture<OrderingFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Sign_in_refresh_me_and_users_are_not_stored()
    {
        var email = $"nostore.{Guid.NewGuid():N}@example.com";
        using (var registered = await _client.PostJsonAsync("/api/v1/auth/register", new { email, password = ApiCalls.CustomerPassword, firstName = "Ada", lastName = "Lovelace" }))
        {
            await registered.ExpectAsync(HttpStatusCode.Created);
            AssertNoStore(registered);
        }

        using var login = await _client.PostJsonAsync("/api/v1/auth/login", new { email, password = ApiCalls.CustomerPassword });
        await login.ExpectAsync(HttpStatusCode.OK);
        AssertNoStore(login);
        var data = (await login.ReadJsonAsync()).GetProperty("data");

        using (var refresh = await _client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = data.GetProperty("refreshToken").GetString() }))
        {
            await refresh.ExpectAsync(HttpStatusCode.OK);
            AssertNoStore(refresh);
        }

        using (var me = await _client.CallAsync(HttpMethod.Get, "/api/v1/auth/me", data.GetProperty("accessToken").GetString()))
        {
            await me.ExpectAsync(HttpStatusCode.OK);
            AssertNoStore(me);
        }

        using var users = await _client.CallAsync(HttpMethod.Get, "/api/v1/users", await _client.AdminTokenAsync());
        await users.ExpectAsync(HttpStatusCode.OK);
        AssertNoStore(users);
    }

    [Fact]
    public async Task Carts_and_orders_are_not_stored_and_catalog_reads_stay_publicly_cacheable()
    {
        var order = await _client.PlacedOrderAsync();

        using (var product = await _client.GetAsync(new Uri($"/api/v1/products/{order.ProductId}", UriKind.Relative)))
        {
            await product.ExpectAsync(HttpStatusCode.OK);
            Assert.True(product.Headers.CacheControl?.Public, $"Cache-Control: {product.Headers.CacheControl}");
            Assert.False(product.Headers.CacheControl?.NoStore);
        }

        using (var added = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", order.Token, new { productId = order.ProductId, quantity = 1 }))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
            AssertNoStore(added);
        }

        foreach (var path in new[] { "/api/v1/cart", "/api/v1/orders", $"/api/v1/orders/{order.Id}" })
        {
            using var response = await _client.CallAsync(HttpMethod.Get, path, order.Token);
            await response.ExpectAsync(HttpStatusCode.OK);
            AssertNoStore(response);
        }

        using var placed = await _client.PlaceOrderAsync(order.Token, Shop.OrderBody());
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        AssertNoStore(placed);
    }

    private static void AssertNoStore(HttpResponseMessage response)
        => Assert.True(response.Headers.CacheControl?.NoStore == true, $"{response.RequestMessage?.RequestUri}: Cache-Control: {response.Headers.CacheControl}");
}

using System.Net;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Carts;

/// <summary><c>POST /api/v1/cart/merge</c>: a guest cart joins the signed-in user's cart and is retired.</summary>
public abstract class MergeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Quantities_are_added_capped_by_stock_and_the_guest_cart_is_retired()
    {
        var admin = await _client.AdminTokenAsync();
        var shared = await _client.ProductAsync(admin, 10m, stock: 5);
        var guestOnly = await _client.ProductAsync(admin, 20m, stock: 10);
        var userOnly = await _client.ProductAsync(admin, 30m, stock: 10);
        var key = (await _client.AddAsync(shared, 3)).GetProperty("cartKey").GetString()!;
        await _client.AddAsync(guestOnly, 2, cartKey: key);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(shared, 4, token);
        await _client.AddAsync(userOnly, 1, token);

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", token, new { cartKey = key });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        var lines = data.GetProperty("cart").GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("productId").GetGuid(), l => l.GetProperty("quantity").GetInt32());
        Assert.Equal(5, lines[shared]);
        Assert.Equal(2, lines[guestOnly]);
        Assert.Equal(1, lines[userOnly]);
        var adjustment = Assert.Single(data.GetProperty("adjustments").EnumerateArray());
        Assert.Equal(shared, adjustment.GetProperty("productId").GetGuid());
        Assert.Equal(7, adjustment.GetProperty("requested").GetInt32());
        Assert.Equal(5, adjustment.GetProperty("merged").GetInt32());
        Assert.Equal("insufficientStock", adjustment.GetProperty("reason").GetString());

        using var stale = await _client.CallAsync(HttpMethod.Get, "/api/v1/cart", headers: Shop.Key(key));
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        using var twice = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", token, new { cartKey = key });
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        Assert.Equal(8, (await _client.CartAsync(token)).GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task The_key_may_come_in_the_header_and_the_guests_coupon_is_kept_when_the_user_has_none()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 50m);
        var key = (await _client.AddAsync(product, 2)).GetProperty("cartKey").GetString()!;
        var code = await factory.CouponAsync(CouponType.Percentage, 10m);
        using var applied = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", body: new { couponCode = code }, headers: Shop.Key(key));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var (userId, _, token) = await _client.RegisterCustomerAsync();

        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", token, headers: Shop.Key(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cart = await _client.CartAsync(token);
        Assert.Equal(userId, cart.GetProperty("userId").GetGuid());
        Assert.Equal(code, cart.GetProperty("couponCode").GetString());
        Assert.Equal(10m, cart.GetProperty("discount").GetDecimal());
    }

    [Fact]
    public async Task Merging_needs_a_signed_in_user_and_an_existing_guest_key()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 5m);
        var key = (await _client.AddAsync(product, 1)).GetProperty("cartKey").GetString()!;
        var (_, _, token) = await _client.RegisterCustomerAsync();
        var service = await _client.ServiceTokenAsync(CartFactory.CheckoutClient, CartFactory.ClientSecret);

        using var anonymous = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", body: new { cartKey = key });
        using var serviceToken = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", service, new { cartKey = key });
        using var missing = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", token, new { });
        using var unknown = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", token, new { cartKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, serviceToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("cartKey", (await missing.ReadErrorAsync()).ErrorFields()[0]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, (await _client.CartAsync(cartKey: key)).GetProperty("itemCount").GetInt32());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteMergeTests(CartFactory factory) : MergeTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresMergeTests(PostgresCartFactory factory) : MergeTests<PostgresCartFactory>(factory);

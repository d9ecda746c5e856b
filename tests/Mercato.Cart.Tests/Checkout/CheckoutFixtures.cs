using System.Net;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Checkout;

/// <summary>Carts for checkout tests, filled through the shopper's API.</summary>
public static class CheckoutFixtures
{
    /// <summary>The service carts route.</summary>
    public const string CartsUrl = "/api/v1/cart/service/carts";

    /// <summary>
    /// Seed 004's cart: 2 × 299.99 and 1 × 399.99 with a 20% coupon applied, for a user (token) or a
    /// new guest (no token); returns the guest's key (null for a user) and the coupon's code.
    /// </summary>
    public static async Task<(string? CartKey, string Code)> SeedCartAsync(this HttpClient client, CartFactory factory, string admin, string? token)
    {
        var watch = await client.ProductAsync(admin, 299.99m);
        var phone = await client.ProductAsync(admin, 399.99m);
        var first = await client.AddAsync(watch, 2, token);
        var cartKey = token is null ? first.GetProperty("cartKey").GetString() : null;
        await client.AddAsync(phone, 1, token, cartKey);
        var code = await factory.CouponAsync(CouponType.Percentage, 20m);
        using var applied = await client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code.ToLowerInvariant() }, Shop.Key(cartKey));
        Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        return (cartKey, code);
    }
}

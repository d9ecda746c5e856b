using System.Net;
using System.Text.Json;
using Mercato.Cart.Coupons;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Tests.Discounts;

/// <summary>Coupon helpers: the admin API, the checkout service's redeem and release calls, and the stored count.</summary>
internal static class CouponFixtures
{
    /// <summary>The admin coupons route.</summary>
    public const string AdminUrl = "/api/v1/coupons";

    /// <summary>The service redeem route.</summary>
    public const string RedeemUrl = "/api/v1/cart/service/coupons/redeem";

    /// <summary>The service release route.</summary>
    public const string ReleaseUrl = "/api/v1/cart/service/coupons/release";

    /// <summary>A token of the <c>checkout</c> service client (scope cart.checkout).</summary>
    public static Task<string> CheckoutTokenAsync(this HttpClient client) => client.ServiceTokenAsync(CartFactory.CheckoutClient, CartFactory.ClientSecret);

    /// <summary>A token of the <c>reports</c> service client (no cart.checkout scope).</summary>
    public static Task<string> ReportsTokenAsync(this HttpClient client) => client.ServiceTokenAsync(CartFactory.ReportsClient, CartFactory.ClientSecret);

    /// <summary>A valid admin body: a 15% coupon with the given code and overrides merged in.</summary>
    public static Dictionary<string, object?> Body(string code, params (string Field, object? Value)[] overrides)
    {
        var body = new Dictionary<string, object?>
        {
            ["code"] = code,
            ["description"] = "Fifteen off",
            ["discountType"] = "percentage",
            ["discountValue"] = 15m,
        };
        foreach (var (field, value) in overrides)
        {
            body[field] = value;
        }

        return body;
    }

    /// <summary>Creates a coupon through the admin API; asserts 201 and returns the data.</summary>
    public static async Task<JsonElement> CreateCouponAsync(this HttpClient client, string admin, object body)
    {
        using var response = await client.CallAsync(HttpMethod.Post, AdminUrl, admin, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Asks the checkout service to count a use.</summary>
    public static Task<HttpResponseMessage> RedeemAsync(
        this HttpClient client, string token, Guid orderId, string code, Guid? customerId = null, string? customerEmail = null)
        => client.CallAsync(HttpMethod.Post, RedeemUrl, token, new { orderId, couponCode = code, customerId, customerEmail });

    /// <summary>Asks the checkout service to give an order's use back; asserts 204.</summary>
    public static async Task ReleaseAsync(this HttpClient client, string token, Guid orderId)
    {
        using var response = await client.CallAsync(HttpMethod.Post, ReleaseUrl, token, new { orderId });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Asserts a refusal: status, envelope, <c>couponCode</c> field and <c>reason</c>.</summary>
    public static async Task AssertRefusedAsync(this HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.True(response.StatusCode == status, $"expected {status} ({reason}), got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var error = Assert.Single((await response.ReadErrorAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal(status == HttpStatusCode.Conflict ? "CONFLICT" : "VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Equal("couponCode", error.GetProperty("field").GetString());
        Assert.Equal(reason, error.GetProperty("reason").GetString());
    }

    /// <summary>The coupon's stored use count and its redemption rows' orders.</summary>
    public static Task<(int TimesRedeemed, List<Guid> Orders)> UsesAsync(this CartFactory factory, string code)
        => factory.WithCartDbAsync(async db =>
        {
            var coupon = await db.Coupons.AsNoTracking().SingleAsync(c => c.Code == code);
            var orders = await db.CouponRedemptions.AsNoTracking().Where(r => r.CouponId == coupon.Id).Select(r => r.OrderId).ToListAsync();
            return (coupon.TimesRedeemed, orders);
        });

    /// <summary>The stored coupon by id.</summary>
    public static Task<Coupon?> StoredCouponAsync(this CartFactory factory, Guid id)
        => factory.WithCartDbAsync(db => db.Coupons.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id));
}

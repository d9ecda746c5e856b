using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Support;

/// <summary>A shop for ordering tests: products and coupons made through the admin APIs, carts filled through the Cart's API.</summary>
public static class Shop
{
    /// <summary>A short unique suffix.</summary>
    public static string Unique() => ShopApi.Unique();

    /// <summary>The seeded administrator's access token.</summary>
    public static Task<string> AdminTokenAsync(this HttpClient client) => client.SignInAsync(OrderingFactory.AdminEmail, OrderingFactory.AdminPassword);

    /// <summary>Creates a product (in a new category) through the Catalog's API; returns its id.</summary>
    public static Task<Guid> ProductAsync(this HttpClient client, string adminToken, decimal price, int stock, string? name = null)
        => client.CreateProductAsync(adminToken, price, stock, name: name);

    /// <summary>The product's stock a shopper can buy now, from the Catalog's API.</summary>
    public static async Task<int> StockAsync(this HttpClient client, Guid productId)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/products/{productId}");
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("stock").GetInt32();
    }

    /// <summary>Creates a percentage coupon through the admin API; returns its code.</summary>
    public static async Task<string> CouponAsync(this HttpClient client, string adminToken, decimal percent, int? usageLimit = null)
    {
        var code = "ORD" + Unique().ToUpperInvariant();
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/coupons", adminToken, new
        {
            code, description = "Ordering test", discountType = "percentage", discountValue = percent, usageLimit,
        });
        await response.ExpectAsync(HttpStatusCode.Created);
        return code;
    }

    /// <summary>Adds a product to the signed-in user's cart; expects 201.</summary>
    public static Task AddAsync(this HttpClient client, string token, Guid productId, int quantity) => client.AddToCartAsync(productId, quantity, token);

    /// <summary>Applies a coupon to the signed-in user's cart; asserts 200.</summary>
    public static async Task ApplyCouponAsync(this HttpClient client, string token, string code)
    {
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", token, new { couponCode = code });
        await response.ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>The signed-in user's cart (data).</summary>
    public static Task<JsonElement> CartAsync(this HttpClient client, string token) => client.GetCartAsync(token);

    /// <summary>A valid order body shipping to New York.</summary>
    public static object OrderBody(string? couponCode = null, string? notes = null) => new
    {
        shippingAddress = new { street = "123 Main St", city = "New York", state = "NY", zipCode = "10001", country = "USA" },
        couponCode,
        notes,
    };

    /// <summary>
    /// Posts an order with an <c>Idempotency-Key</c> (a new one unless given; none when
    /// <paramref name="key"/> is empty) and, for a guest, the cart key.
    /// </summary>
    public static Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient client, string? token, object body, string? key = null, string? cartKey = null)
    {
        key ??= Guid.NewGuid().ToString();
        var headers = key.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Idempotency-Key"] = key };
        if (cartKey is not null)
        {
            headers[ShopApi.CartKeyHeader] = cartKey;
        }

        return client.CallAsync(HttpMethod.Post, "/api/v1/orders", token, body, headers);
    }

    /// <summary>Adds a product to a new guest cart; returns the cart key.</summary>
    public static async Task<string> GuestCartAsync(this HttpClient client, Guid productId, int quantity)
        => (await client.AddToCartAsync(productId, quantity)).GetProperty("cartKey").GetString()!;

    /// <summary>The number of lines in a guest's cart.</summary>
    public static async Task<int> GuestLinesAsync(this HttpClient client, string cartKey)
        => (await client.GetCartAsync(cartKey: cartKey)).GetProperty("items").GetArrayLength();
}

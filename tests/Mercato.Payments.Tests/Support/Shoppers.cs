using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Payments.Tests.Support;

/// <summary>An order placed through the API, ready to be paid.</summary>
/// <param name="Id">The order.</param>
/// <param name="Number">Its number.</param>
/// <param name="Total">What it costs.</param>
/// <param name="Token">The customer's token (null for a guest).</param>
/// <param name="CartKey">The guest's cart key (null for a customer).</param>
/// <param name="Admin">An administrator's token.</param>
public sealed record PlacedOrder(Guid Id, string Number, decimal Total, string? Token, string? CartKey, string Admin);

/// <summary>Shoppers, orders and the sandbox's pages, driven through the public API as a storefront and a browser would.</summary>
public static class Shoppers
{
    /// <summary>The seeded administrator's token.</summary>
    public static Task<string> AdminTokenAsync(this HttpClient client) => client.SignInAsync(PaymentsFactory.AdminEmail, PaymentsFactory.AdminPassword);

    /// <summary>A new customer's order of <paramref name="quantity"/> units of <paramref name="productId"/>, or of a new product.</summary>
    public static async Task<PlacedOrder> CustomerOrderAsync(this HttpClient client, decimal price = 25.00m, int quantity = 2, Guid? productId = null)
    {
        var admin = await client.AdminTokenAsync();
        return await client.CustomerOrderOfAsync(productId ?? await client.CreateProductAsync(admin, price, 100), quantity, admin);
    }

    /// <summary>A new customer's order of <paramref name="quantity"/> units of <paramref name="product"/>.</summary>
    public static async Task<PlacedOrder> CustomerOrderOfAsync(this HttpClient client, Guid product, int quantity, string admin)
    {
        var (_, _, token) = await client.RegisterCustomerAsync();
        await client.AddToCartAsync(product, quantity, token);
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/orders", token, OrderBody());
        return await PlacedAsync(response, token, null, admin);
    }

    /// <summary>A guest's order of one unit of a new product.</summary>
    public static async Task<PlacedOrder> GuestOrderAsync(this HttpClient client, decimal price = 40.00m)
    {
        var admin = await client.AdminTokenAsync();
        var product = await client.CreateProductAsync(admin, price, 100);
        var cartKey = (await client.AddToCartAsync(product, 1)).GetProperty("cartKey").GetString()!;
        var body = new
        {
            shippingAddress = new { street = "1 Rue de Rivoli", city = "Paris", state = "IDF", zipCode = "75001", country = "France" },
            contactEmail = $"guest-{ShopApi.Unique()}@example.com",
        };
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/orders", null, body, ShopApi.CartKey(cartKey));
        return await PlacedAsync(response, null, cartKey, admin);
    }

    /// <summary><c>POST /api/v1/payments/checkout-sessions</c> for the order's owner.</summary>
    public static Task<HttpResponseMessage> CreateSessionAsync(this HttpClient client, PlacedOrder order, object? body = null)
        => client.CallAsync(
            HttpMethod.Post,
            "/api/v1/payments/checkout-sessions",
            order.Token,
            body ?? new { orderId = order.Id, successUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/cart", failUrl = "https://shop.example/failed" },
            ShopApi.CartKey(order.CartKey));

    /// <summary>Opens a session and answers its data; asserts 201.</summary>
    public static async Task<JsonElement> SessionAsync(this HttpClient client, PlacedOrder order, object? body = null)
    {
        using var response = await client.CreateSessionAsync(order, body);
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Submits the sandbox's page with a card, as a browser posts the form.</summary>
    public static Task<HttpResponseMessage> PayOnPageAsync(this HttpClient browser, string checkoutUrl, string card, string expiry = "12/34", string cvc = "123", string name = "Ada Lovelace")
        => browser.PostAsync(new Uri(checkoutUrl).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardNumber"] = card, ["expiry"] = expiry, ["cvc"] = cvc, ["name"] = name,
        }));

    /// <summary>Follows a redirect with a GET, as a browser does after a 303; asserts the redirect first.</summary>
    public static async Task<HttpResponseMessage> FollowAsync(this HttpClient browser, HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found, $"expected a redirect, got {(int)redirect.StatusCode}: {await redirect.Content.ReadAsStringAsync()}");
        return await browser.GetAsync(redirect.Headers.Location!.PathAndQuery);
    }

    /// <summary><c>GET /api/v1/payments/{id}</c> (data); asserts 200.</summary>
    public static async Task<JsonElement> PaymentAsync(this HttpClient client, Guid id, string? token, string? cartKey = null)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/payments/{id}", token, headers: ShopApi.CartKey(cartKey));
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>The order's status as its owner reads it.</summary>
    public static async Task<string> OrderStatusAsync(this HttpClient client, PlacedOrder order)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id}", order.Token, headers: ShopApi.CartKey(order.CartKey));
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString()!;
    }

    /// <summary><c>GET /api/v1/orders/{id}</c> (data) as <paramref name="token"/>'s holder reads it; asserts 200.</summary>
    public static async Task<JsonElement> OrderAsync(this HttpClient client, Guid orderId, string token)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}", token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>The notes of an order's history, oldest first.</summary>
    public static string[] NotesOf(JsonElement order) =>
        [.. order.GetProperty("statusHistory").EnumerateArray()
            .Select(e => e.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString()! : string.Empty)];

    /// <summary>Waits until <paramref name="condition"/> holds (events and webhooks arrive a little later), or fails after 30 s.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition, string what) => Eventually.HoldsAsync(condition, what);

    /// <summary>An order paid in full on the sandbox's page by <paramref name="card"/>; answers the order and its payment's id.</summary>
    public static async Task<(PlacedOrder Order, Guid PaymentId)> PaidOrderAsync(this HttpClient client, HttpClient browser, string card = "4242424242424242")
    {
        var order = await client.CustomerOrderAsync();
        var session = await client.SessionAsync(order);
        using var paid = await browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, card);
        using var back = await browser.FollowAsync(paid);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        Assert.Equal("succeeded", (await client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());
        return (order, paymentId);
    }

    /// <summary><c>POST /api/v1/payments/{id}/refund</c>.</summary>
    public static Task<HttpResponseMessage> RefundAsync(this HttpClient client, string? token, Guid paymentId, decimal? amount, string? reason = "Customer request", string? idempotencyKey = null)
        => client.CallAsync(
            HttpMethod.Post,
            $"/api/v1/payments/{paymentId}/refund",
            token,
            new { amount, reason },
            idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });

    /// <summary>Saves a card from a token for the customer; answers the method's id (asserts 201).</summary>
    public static async Task<Guid> SaveCardAsync(this HttpClient client, string token, string cardToken = "tok_visa", bool? isDefault = null)
    {
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/payments/methods", token, new { type = "card", cardToken, isDefault });
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary><c>POST /api/v1/payments/process</c> for the order with a saved card.</summary>
    public static Task<HttpResponseMessage> ProcessAsync(this HttpClient client, PlacedOrder order, Guid methodId, decimal? amount = null, string currency = "USD", string? idempotencyKey = null)
        => client.CallAsync(
            HttpMethod.Post,
            "/api/v1/payments/process",
            order.Token,
            new { orderId = order.Id, paymentMethodId = methodId, amount = amount ?? order.Total, currency, returnUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/failed" },
            idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });

    private static object OrderBody() => new
    {
        shippingAddress = new { street = "123 Main St", city = "New York", state = "NY", zipCode = "10001", country = "USA" },
    };

    private static async Task<PlacedOrder> PlacedAsync(HttpResponseMessage response, string? token, string? cartKey, string admin)
    {
        await response.ExpectAsync(HttpStatusCode.Created);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        return new PlacedOrder(data.GetProperty("id").GetGuid(), data.GetProperty("orderNumber").GetString()!, data.GetProperty("total").GetDecimal(), token, cartKey, admin);
    }
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;

namespace Mercato.Payments.Tests.Stripe;

/// <summary>The storefront's calls that name the Stripe gateway.</summary>
public static class StripeShoppers
{
    /// <summary><c>POST /api/v1/payments/methods</c> with a Stripe token.</summary>
    public static Task<HttpResponseMessage> AddStripeCardAsync(this HttpClient client, string token, string cardToken)
        => client.CallAsync(HttpMethod.Post, "/api/v1/payments/methods", token, new { type = "card", cardToken, gateway = "stripe" });

    /// <summary>Saves a Stripe card; answers the method's data (asserts 201).</summary>
    public static async Task<JsonElement> SaveStripeCardAsync(this HttpClient client, string token, string cardToken = "tok_visa")
    {
        using var response = await client.AddStripeCardAsync(token, cardToken);
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Opens a Stripe Checkout Session for the order; answers the session's data (asserts 201).</summary>
    public static Task<JsonElement> StripeSessionAsync(this HttpClient client, PlacedOrder order)
        => client.SessionAsync(order, new { orderId = order.Id, successUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/cart", failUrl = "https://shop.example/failed", gateway = "stripe" });

    /// <summary>The Stripe session id behind a Mercato checkout session (the last segment of Stripe's page URL).</summary>
    public static string StripeSessionId(JsonElement session) => new Uri(session.GetProperty("checkoutUrl").GetString()!).Segments[^1];

    /// <summary>A JSON property of a stored fake object as text.</summary>
    public static string? Text(this JsonObject stored, string name) => stored[name]?.GetValue<string>();
}

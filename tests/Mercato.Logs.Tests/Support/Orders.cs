using System.Net;
using System.Text.Json;
using Mercato.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mercato.Logs.Tests.Support;

/// <summary>An order placed through the API.</summary>
/// <param name="Id">The order.</param>
/// <param name="UserId">Its customer.</param>
/// <param name="Token">The customer's token.</param>
/// <param name="CorrelationId">The correlation id the placement was sent with.</param>
public sealed record PlacedOrder(Guid Id, Guid UserId, string Token, string CorrelationId);

/// <summary>Orders and payments driven through the public API, as a storefront and a browser would.</summary>
public static class Orders
{
    /// <summary>A new customer's order of two units of a new product at 25.00, placed with a correlation id of its own.</summary>
    public static async Task<PlacedOrder> PlaceAsync(this HttpClient client, string admin)
    {
        var (userId, _, token) = await client.RegisterCustomerAsync("Grace", "Hopper");
        var product = await client.CreateProductAsync(admin, 25.00m, 100);
        await client.AddToCartAsync(product, 2, token);
        var correlationId = "order-" + ShopApi.Unique();
        using var response = await client.CallAsync(
            HttpMethod.Post,
            "/api/v1/orders",
            token,
            new { shippingAddress = new { street = "12 Analytical Row", city = "London", state = "LDN", zipCode = "NW1 6XE", country = "GB" } },
            new Dictionary<string, string> { [Mercato.Platform.Correlation.CorrelationContext.HeaderName] = correlationId });
        await response.ExpectAsync(HttpStatusCode.Created);
        return new PlacedOrder((await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid(), userId, token, correlationId);
    }

    /// <summary>Pays the order in full on the sandbox's page with a test card, as a browser does; answers the payment's id.</summary>
    public static async Task<Guid> PayAsync(this LogsFactory factory, HttpClient client, PlacedOrder order)
    {
        using var created = await client.CallAsync(HttpMethod.Post, "/api/v1/payments/checkout-sessions", order.Token, new
        {
            orderId = order.Id, successUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/cart", failUrl = "https://shop.example/failed",
        });
        await created.ExpectAsync(HttpStatusCode.Created);
        var session = (await created.ReadJsonAsync()).GetProperty("data");
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var paid = await browser.PostAsync(new Uri(session.GetProperty("checkoutUrl").GetString()!).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardNumber"] = "4242424242424242", ["expiry"] = "12/34", ["cvc"] = "123", ["name"] = "Grace Hopper",
        }));
        Assert.True(paid.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found, $"expected a redirect, got {(int)paid.StatusCode}");
        using var back = await browser.GetAsync(paid.Headers.Location!.PathAndQuery);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        using var payment = await client.CallAsync(HttpMethod.Get, $"/api/v1/payments/{paymentId}", order.Token);
        await payment.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("succeeded", (await payment.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        return paymentId;
    }

    /// <summary>The <c>data</c> of the correlation view of <paramref name="correlationId"/>.</summary>
    public static Task<JsonElement> CorrelationAsync(this HttpClient client, string admin, string correlationId)
        => client.GetDataAsync($"/api/v1/logs/correlations/{Uri.EscapeDataString(correlationId)}", admin);
}

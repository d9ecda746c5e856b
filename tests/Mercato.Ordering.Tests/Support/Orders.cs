using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Support;

/// <summary>Orders placed and moved through the API, for the tests that read and change them.</summary>
public static class Orders
{
    /// <summary>A new customer who placed an order for <paramref name="quantity"/> of a new product.</summary>
    public static async Task<PlacedOrder> PlacedOrderAsync(this HttpClient client, int stock = 10, int quantity = 2, decimal price = 25.00m)
    {
        var admin = await client.AdminTokenAsync();
        var product = await client.ProductAsync(admin, price, stock);
        var (userId, email, token) = await client.RegisterCustomerAsync();
        await client.AddAsync(token, product, quantity);
        using var response = await client.PlaceOrderAsync(token, Shop.OrderBody());
        await response.ExpectAsync(HttpStatusCode.Created);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        return new PlacedOrder(data.GetProperty("id").GetGuid(), data.GetProperty("orderNumber").GetString()!, product, userId, email, token, admin);
    }

    /// <summary>
    /// A guest who placed an order for one unit of <paramref name="product"/> with a new cart;
    /// returns the order's id and the cart key it was placed with.
    /// </summary>
    public static async Task<(Guid OrderId, string CartKey)> GuestOrderAsync(this HttpClient client, Guid product, string firstName = "Zoé")
    {
        var cartKey = await client.GuestCartAsync(product, 1);
        using var placed = await client.PlaceOrderAsync(null, new
        {
            shippingAddress = new { street = "1 Rue de Rivoli", city = "Paris", state = "IDF", zipCode = "75001", country = "France" },
            contactEmail = $"guest-{Shop.Unique()}@example.com",
            firstName,
        }, cartKey: cartKey);
        await placed.ExpectAsync(HttpStatusCode.Created);
        return ((await placed.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid(), cartKey);
    }

    /// <summary><c>GET /api/v1/orders/{id}</c>.</summary>
    public static Task<HttpResponseMessage> GetOrderAsync(this HttpClient client, Guid id, string? token, string? cartKey = null)
        => client.CallAsync(HttpMethod.Get, $"/api/v1/orders/{id}", token, headers: ShopApi.CartKey(cartKey));

    /// <summary>The order as its reader sees it (data); asserts 200.</summary>
    public static async Task<JsonElement> OrderAsync(this HttpClient client, Guid id, string token)
    {
        using var response = await client.GetOrderAsync(id, token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary><c>PUT /api/v1/orders/{id}/status</c>.</summary>
    public static Task<HttpResponseMessage> SetStatusAsync(
        this HttpClient client, string? token, Guid id, string status, string? note = null, string? trackingNumber = null, string? carrier = null)
        => client.CallAsync(HttpMethod.Put, $"/api/v1/orders/{id}/status", token, new { status, note, trackingNumber, carrier });

    /// <summary><c>POST /api/v1/orders/{id}/cancel</c>.</summary>
    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, string? token, Guid id, string? reason = "Changed my mind", string? cartKey = null)
        => client.CallAsync(HttpMethod.Post, $"/api/v1/orders/{id}/cancel", token, new { reason }, ShopApi.CartKey(cartKey));

    /// <summary><c>PUT /api/v1/orders/service/{id}/payment</c> with a service token.</summary>
    public static Task<HttpResponseMessage> PayAsync(this HttpClient client, string? token, Guid id, string? intent = "pi_test", bool? isPaid = true)
        => client.CallAsync(HttpMethod.Put, $"/api/v1/orders/service/{id}/payment", token, new { isPaid, paymentIntent = intent });

    /// <summary>A token of the payments service client (scope <c>ordering.payments</c>).</summary>
    public static Task<string> PaymentsTokenAsync(this HttpClient client)
        => client.ServiceTokenAsync(OrderingFactory.PaymentsClient, OrderingFactory.ClientSecret);

    /// <summary>Moves an order along the given statuses (paid through the service endpoint, the rest as admin); asserts each 200.</summary>
    public static async Task MoveAsync(this HttpClient client, PlacedOrder order, params string[] statuses)
    {
        foreach (var status in statuses)
        {
            using var response = status == "paid"
                ? await client.PayAsync(await client.PaymentsTokenAsync(), order.Id, "pi_" + order.Id.ToString("N"))
                : await client.SetStatusAsync(order.AdminToken, order.Id, status, trackingNumber: status == "shipped" ? "1Z999" : null, carrier: status == "shipped" ? "UPS" : null);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{status}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

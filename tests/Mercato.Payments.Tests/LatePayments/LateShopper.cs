using System.Net;
using System.Text.Json;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.LatePayments;

/// <summary>An order whose payment was captured on the gateway's page but has not reached Mercato yet.</summary>
/// <param name="Order">The order.</param>
/// <param name="ProductId">Its one product.</param>
/// <param name="PaymentId">Its payment.</param>
/// <param name="Return">The gateway page's redirect back to Mercato, not followed yet.</param>
internal sealed record CapturedOrder(PlacedOrder Order, Guid ProductId, Guid PaymentId, HttpResponseMessage Return);

/// <summary>The steps of a payment that arrives after its order was cancelled, driven through the public API.</summary>
internal static class LateShopper
{
    /// <summary>A customer orders <paramref name="quantity"/> of a new product with <paramref name="stock"/> units and pays on the page; the browser has not come back yet.</summary>
    public static async Task<CapturedOrder> CapturedOrderAsync(this HttpClient client, HttpClient browser, int stock = 10, int quantity = 2)
    {
        var admin = await client.AdminTokenAsync();
        var product = await client.CreateProductAsync(admin, 25.00m, stock);
        var order = await client.CustomerOrderOfAsync(product, quantity, admin);
        var session = await client.SessionAsync(order);
        var paid = await browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242424242424242");
        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        return new CapturedOrder(order, product, session.GetProperty("paymentId").GetGuid(), paid);
    }

    /// <summary>
    /// Moves the clock past the order's payment window and waits until Ordering cancelled it, Payments
    /// learnt of it and the Catalog gave its <paramref name="stock"/> units back.
    /// </summary>
    public static async Task ExpireAsync(this LatePaymentFactory factory, HttpClient client, CapturedOrder captured, int stock)
    {
        factory.Clock.Advance(LatePaymentFactory.PaymentWindow + TimeSpan.FromMinutes(1));
        await Shoppers.EventuallyAsync(async () => await client.OrderStatusAsync(captured.Order) == "cancelled", "the order to expire");
        await factory.LearntOfCancellationAsync(client, captured, stock);
    }

    /// <summary>Waits until Payments knows the order is cancelled and the Catalog gave its <paramref name="stock"/> units back.</summary>
    public static async Task LearntOfCancellationAsync(this LatePaymentFactory factory, HttpClient client, CapturedOrder captured, int stock)
    {
        await Shoppers.EventuallyAsync(() => factory.WithDbAsync(db => db.CancelledOrders.AnyAsync(c => c.OrderId == captured.Order.Id)), "Payments to learn of the cancellation");
        await Shoppers.EventuallyAsync(async () => await client.AvailableAsync(captured.ProductId) == stock, "the Catalog to release the stock");
    }

    /// <summary>The browser comes back from the gateway's page: the capture reaches Mercato.</summary>
    public static async Task ReturnAsync(this HttpClient browser, CapturedOrder captured)
    {
        using var back = await browser.FollowAsync(captured.Return);
        Assert.True(back.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.OK, $"the return answered {(int)back.StatusCode}");
    }

    /// <summary>The product's available units (<c>POST /api/v1/products/stock</c>).</summary>
    public static async Task<int> AvailableAsync(this HttpClient client, Guid productId)
    {
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/products/stock", null, new { ids = new[] { productId } });
        await response.ExpectAsync(HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray().ToList();
        return items.Count == 0 ? 0 : items[0].GetProperty("stock").GetInt32();
    }

    /// <summary>
    /// The kinds of the product's stock movements for the order, in alphabetical order (movements
    /// written within one tick of the fake clock have no order of their own), and the units on hand
    /// now, the sum of every movement (administrators' ledger).
    /// </summary>
    public static async Task<(List<string> Kinds, int OnHand)> LedgerAsync(this HttpClient client, CapturedOrder captured)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/products/{captured.ProductId}/stock/ledger?pageSize=100", captured.Order.Admin);
        await response.ExpectAsync(HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray().ToList();
        var kinds = items.Where(i => i.GetProperty("orderId").ValueKind == JsonValueKind.String && i.GetProperty("orderId").GetGuid() == captured.Order.Id)
            .Select(i => i.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal).ToList();
        return (kinds, items.Sum(i => i.GetProperty("onHandChange").GetInt32()));
    }

    /// <summary>The order as its owner reads it.</summary>
    public static async Task<JsonElement> OrderAsync(this HttpClient client, PlacedOrder order)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/orders/{order.Id}", order.Token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}

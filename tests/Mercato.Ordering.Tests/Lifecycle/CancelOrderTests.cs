using System.Net;
using System.Text.Json;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Lifecycle;

/// <summary><c>POST /api/v1/orders/{id}/cancel</c> on one provider: who may cancel, until when, and what it records and publishes.</summary>
public abstract class CancelOrderTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_owner_cancels_a_pending_order_and_its_history_and_event_carry_the_reason()
    {
        var order = await _client.PlacedOrderAsync(quantity: 2);

        using var response = await _client.CancelAsync(order.Token, order.Id, "Changed my mind");

        await response.ExpectAsync(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Order cancelled successfully", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(("cancelled", "Changed my mind"), (data.GetProperty("status").GetString(), data.GetProperty("cancelReason").GetString()));
        Assert.EndsWith("Z", data.GetProperty("cancelledAt").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("expiresAt").ValueKind);
        var last = data.GetProperty("statusHistory").EnumerateArray().Last();
        Assert.Equal(("cancelled", "Changed my mind"), (last.GetProperty("status").GetString(), last.GetProperty("note").GetString()));
        var cancelled = Assert.Single(await factory.EventsAsync("ordering.order-cancelled.v1", order.Id));
        Assert.Equal(("Changed my mind", false), (cancelled.GetProperty("reason").GetString(), cancelled.GetProperty("wasPaid").GetBoolean()));
        var line = Assert.Single(cancelled.GetProperty("lines").EnumerateArray());
        Assert.Equal((order.ProductId, 2), (line.GetProperty("productId").GetGuid(), line.GetProperty("quantity").GetInt32()));
        Assert.Equal("cancelled", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
        // The Catalog gives the held units back when OrderCancelled reaches it.
        Assert.Equal(10, await MercatoProcess.EventuallyAsync(() => _client.StockAsync(order.ProductId), s => s == 10, TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Without_a_reason_the_cancellation_says_who_cancelled()
    {
        var order = await _client.PlacedOrderAsync();

        using var response = await _client.CancelAsync(order.Token, order.Id, reason: null);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Cancelled by the customer", (await response.ReadJsonAsync()).GetProperty("data").GetProperty("cancelReason").GetString());
    }

    [Fact]
    public async Task A_paid_order_cancelled_by_an_admin_asks_for_a_refund_through_its_event()
    {
        var order = await _client.PlacedOrderAsync();
        await _client.MoveAsync(order, "paid", "processing");

        using var response = await _client.CancelAsync(order.AdminToken, order.Id, "Out of stock at the warehouse");

        await response.ExpectAsync(HttpStatusCode.OK);
        var cancelled = Assert.Single(await factory.EventsAsync("ordering.order-cancelled.v1", order.Id));
        Assert.True(cancelled.GetProperty("wasPaid").GetBoolean());
        // Paid stock was sold (OrderPaid committed it); the cancellation puts it back on hand.
        Assert.Equal(10, await MercatoProcess.EventuallyAsync(() => _client.StockAsync(order.ProductId), s => s == 10, TimeSpan.FromSeconds(15)));
        Assert.Equal("Out of stock at the warehouse", cancelled.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_shipped_order_cannot_be_cancelled_by_its_owner_or_an_admin()
    {
        var order = await _client.PlacedOrderAsync();
        await _client.MoveAsync(order, "paid", "processing", "shipped");

        using var byOwner = await _client.CancelAsync(order.Token, order.Id);
        using var byAdmin = await _client.CancelAsync(order.AdminToken, order.Id);

        await byOwner.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(["CONFLICT"], (await byOwner.ReadErrorAsync()).ErrorCodes());
        await byAdmin.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("shipped", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
        Assert.Empty(await factory.EventsAsync("ordering.order-cancelled.v1", order.Id));
    }

    [Fact]
    public async Task Cancelling_twice_answers_409_the_second_time_and_publishes_once()
    {
        var order = await _client.PlacedOrderAsync();

        using var first = await _client.CancelAsync(order.Token, order.Id);
        using var second = await _client.CancelAsync(order.Token, order.Id);

        await first.ExpectAsync(HttpStatusCode.OK);
        await second.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Single(await factory.EventsAsync("ordering.order-cancelled.v1", order.Id));
    }

    [Fact]
    public async Task Ten_parallel_cancellations_cancel_once_record_one_history_entry_and_publish_one_event()
    {
        var order = await _client.PlacedOrderAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await _client.CancelAsync(order.Token, order.Id);
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.Conflict, s));
        var history = (await _client.OrderAsync(order.Id, order.Token)).GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["pending", "cancelled"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Single(await factory.EventsAsync("ordering.order-cancelled.v1", order.Id));
    }

    [Fact]
    public async Task A_cancellation_racing_a_shipment_lets_exactly_one_win()
    {
        var order = await _client.PlacedOrderAsync();
        await _client.MoveAsync(order, "paid", "processing");

        var cancel = Task.Run(async () => { using var r = await _client.CancelAsync(order.Token, order.Id); return r.StatusCode; });
        var ship = Task.Run(async () => { using var r = await _client.SetStatusAsync(order.AdminToken, order.Id, "shipped"); return r.StatusCode; });
        var (cancelled, shipped) = (await cancel, await ship);

        Assert.True(cancelled == HttpStatusCode.OK ^ shipped == HttpStatusCode.OK, $"cancel {cancelled}, ship {shipped}");
        var status = (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString();
        Assert.Equal(cancelled == HttpStatusCode.OK ? "cancelled" : "shipped", status);
        Assert.Equal(cancelled == HttpStatusCode.OK ? 1 : 0, (await factory.EventsAsync("ordering.order-cancelled.v1", order.Id)).Count);
        Assert.Equal(shipped == HttpStatusCode.OK ? 1 : 0, (await factory.EventsAsync("ordering.order-shipped.v1", order.Id)).Count);
    }

    [Fact]
    public async Task Another_customer_gets_404_anonymous_401_a_service_token_403_and_the_order_stays_pending()
    {
        var order = await _client.PlacedOrderAsync();
        var (_, _, stranger) = await _client.RegisterCustomerAsync();
        var reports = await _client.ServiceTokenAsync(OrderingFactory.ReportsClient, OrderingFactory.ClientSecret);

        using var asStranger = await _client.CancelAsync(stranger, order.Id);
        using var anonymous = await _client.CancelAsync(null, order.Id);
        using var asService = await _client.CancelAsync(reports, order.Id);
        using var unknown = await _client.CancelAsync(order.Token, Guid.NewGuid());

        await asStranger.ExpectAsync(HttpStatusCode.NotFound);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        await asService.ExpectAsync(HttpStatusCode.Forbidden);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal("pending", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
        Assert.Empty(await factory.EventsAsync("ordering.order-cancelled.v1", order.Id));
    }

    [Fact]
    public async Task A_reason_over_500_characters_or_a_malformed_body_answers_400_and_nothing_changes()
    {
        var order = await _client.PlacedOrderAsync();

        using var tooLong = await _client.CancelAsync(order.Token, order.Id, new string('x', 501));
        using var malformed = await _client.CallAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/cancel", order.Token, JsonDocument.Parse("[1]").RootElement);

        await tooLong.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", (await tooLong.ReadErrorAsync()).ErrorFields(), StringComparer.OrdinalIgnoreCase);
        await malformed.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("pending", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_guest_cancels_their_order_with_its_cart_key_and_no_other_key()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 9.00m, stock: 5);
        var (id, cartKey) = await _client.GuestOrderAsync(product);

        using var withOtherKey = await _client.CancelAsync(null, id, cartKey: await _client.GuestCartAsync(product, 1));
        using var withKey = await _client.CancelAsync(null, id, cartKey: cartKey);

        await withOtherKey.ExpectAsync(HttpStatusCode.NotFound);
        await withKey.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("guest", Assert.Single(await factory.WithOrderingDbAsync(db => Task.FromResult(
            db.OrderStatusChanges.Where(c => c.OrderId == id && c.To == Mercato.Ordering.Orders.OrderStatus.Cancelled).Select(c => c.Actor).ToList()))));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCancelOrderTests(OrderingFactory factory) : CancelOrderTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCancelOrderTests(PostgresOrderingFactory factory) : CancelOrderTests<PostgresOrderingFactory>(factory);

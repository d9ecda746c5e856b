using System.Net;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Lifecycle;

/// <summary><c>PUT /api/v1/orders/{id}/status</c> on one provider: the admin's moves, tracking details, events, and every refused move.</summary>
public abstract class OrderStatusTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private static readonly string[] Settable = ["processing", "shipped", "delivered", "cancelled", "refunded"];

    /// <summary>How to bring a new order to each status through the API.</summary>
    private static readonly Dictionary<string, string[]> PathTo = new()
    {
        ["pending"] = [],
        ["paid"] = ["paid"],
        ["processing"] = ["paid", "processing"],
        ["shipped"] = ["paid", "processing", "shipped"],
        ["delivered"] = ["paid", "processing", "shipped", "delivered"],
        ["cancelled"] = ["cancelled"],
        ["cancelled-after-paid"] = ["paid", "cancelled"],
        ["refunded"] = ["paid", "processing", "shipped", "delivered", "refunded"],
    };

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_admin_walks_an_order_to_delivered_with_notes_tracking_and_carrier_and_each_step_publishes_its_event()
    {
        var order = await _client.PlacedOrderAsync();
        await _client.MoveAsync(order, "paid");

        using var processing = await _client.SetStatusAsync(order.AdminToken, order.Id, "processing", "Order is being prepared");
        using var shipped = await _client.SetStatusAsync(order.AdminToken, order.Id, "Shipped", "Order shipped via FedEx", "123456789", "FedEx");
        using var delivered = await _client.SetStatusAsync(order.AdminToken, order.Id, "delivered");

        await processing.ExpectAsync(HttpStatusCode.OK);
        await shipped.ExpectAsync(HttpStatusCode.OK);
        var shippedData = (await shipped.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("shipped", "123456789", "FedEx"), (shippedData.GetProperty("status").GetString(), shippedData.GetProperty("trackingNumber").GetString(), shippedData.GetProperty("carrier").GetString()));
        await delivered.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Order status updated", (await delivered.ReadJsonAsync()).GetProperty("message").GetString());

        var data = await _client.OrderAsync(order.Id, order.Token);
        Assert.Equal(("delivered", "123456789", "FedEx"), (data.GetProperty("status").GetString(), data.GetProperty("trackingNumber").GetString(), data.GetProperty("carrier").GetString()));
        var history = data.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["pending", "paid", "processing", "shipped", "delivered"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal(["Order created", "Payment confirmed", "Order is being prepared", "Order shipped via FedEx"], history.Take(4).Select(h => h.GetProperty("note").GetString()));
        Assert.Equal("123456789", history[3].GetProperty("trackingNumber").GetString());
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.GetProperty("timestamp").GetDateTime() <= p.Second.GetProperty("timestamp").GetDateTime()));
        var adminId = await factory.WithOrderingDbAsync(db => Task.FromResult(db.OrderStatusChanges.Single(c => c.OrderId == order.Id && c.To == OrderStatus.Shipped).Actor));
        Assert.True(Guid.TryParse(adminId, out _), adminId);

        var shippedEvent = Assert.Single(await factory.EventsAsync("ordering.order-shipped.v1", order.Id));
        Assert.Equal(("123456789", "FedEx"), (shippedEvent.GetProperty("trackingNumber").GetString(), shippedEvent.GetProperty("carrier").GetString()));
        var deliveredEvent = Assert.Single(await factory.EventsAsync("ordering.order-delivered.v1", order.Id));
        Assert.Equal(order.UserId, deliveredEvent.GetProperty("userId").GetGuid());
        Assert.Equal([order.ProductId], deliveredEvent.GetProperty("productIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.Single(await factory.EventsAsync("ordering.order-paid.v1", order.Id));
    }

    [Fact]
    public async Task Every_move_an_admin_can_ask_for_is_allowed_or_refused_with_409_exactly_as_the_state_machine_says()
    {
        var checkedMoves = 0;
        foreach (var (from, path) in PathTo)
        {
            var status = from == "cancelled-after-paid" ? OrderStatus.Cancelled : Enum.Parse<OrderStatus>(from, ignoreCase: true);
            var wasPaid = path.Contains("paid");
            foreach (var target in Settable)
            {
                var order = await _client.PlacedOrderAsync(stock: 5, quantity: 1);
                await _client.MoveAsync(order, path);

                using var response = await _client.SetStatusAsync(order.AdminToken, order.Id, target);

                var allowed = OrderStateMachine.CanMove(status, Enum.Parse<OrderStatus>(target, ignoreCase: true), wasPaid);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == (allowed ? HttpStatusCode.OK : HttpStatusCode.Conflict), $"{from} -> {target}: {(int)response.StatusCode} {body}");
                var now = (await _client.OrderAsync(order.Id, order.AdminToken)).GetProperty("status").GetString();
                Assert.Equal(allowed ? target : OrderStatusNames.Of(status), now);
                checkedMoves++;
            }
        }

        Assert.Equal(PathTo.Count * Settable.Length, checkedMoves);
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("pending")]
    [InlineData("lost")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_status_an_admin_cannot_set_answers_400_naming_status_and_nothing_changes(string? status)
    {
        var order = await _client.PlacedOrderAsync();

        using var response = await _client.SetStatusAsync(order.AdminToken, order.Id, status!);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("status", (await response.ReadErrorAsync()).ErrorFields(), StringComparer.OrdinalIgnoreCase);
        await AssertPendingAsync(order);
    }

    [Theory]
    [InlineData("note", 501)]
    [InlineData("trackingNumber", 101)]
    [InlineData("carrier", 101)]
    public async Task An_overlong_note_tracking_number_or_carrier_answers_400_naming_it(string field, int length)
    {
        var order = await _client.PlacedOrderAsync();
        await _client.MoveAsync(order, "paid");
        var text = new string('x', length);

        using var response = field switch
        {
            "note" => await _client.SetStatusAsync(order.AdminToken, order.Id, "processing", note: text),
            "trackingNumber" => await _client.SetStatusAsync(order.AdminToken, order.Id, "processing", trackingNumber: text),
            _ => await _client.SetStatusAsync(order.AdminToken, order.Id, "processing", carrier: text),
        };

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("paid", (await _client.OrderAsync(order.Id, order.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_owner_gets_403_anonymous_401_a_service_token_403_and_an_unknown_order_404()
    {
        var order = await _client.PlacedOrderAsync();
        var payments = await _client.PaymentsTokenAsync();

        using var asOwner = await _client.SetStatusAsync(order.Token, order.Id, "cancelled");
        using var anonymous = await _client.SetStatusAsync(null, order.Id, "cancelled");
        using var asService = await _client.SetStatusAsync(payments, order.Id, "cancelled");
        using var unknown = await _client.SetStatusAsync(order.AdminToken, Guid.NewGuid(), "cancelled");

        await asOwner.ExpectAsync(HttpStatusCode.Forbidden);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        await asService.ExpectAsync(HttpStatusCode.Forbidden);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        await AssertPendingAsync(order);
    }

    [Fact]
    public async Task An_admin_archives_a_cancelled_order_it_leaves_every_listing_and_stays_readable_by_the_admin_only()
    {
        var order = await _client.PlacedOrderAsync();
        using var cancelled = await _client.CancelAsync(order.Token, order.Id);
        await cancelled.ExpectAsync(HttpStatusCode.OK);

        using var archived = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/orders/{order.Id}", order.AdminToken);
        using var again = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/orders/{order.Id}", order.AdminToken);

        await archived.ExpectAsync(HttpStatusCode.NoContent);
        await again.ExpectAsync(HttpStatusCode.NoContent);
        using var ownerRead = await _client.GetOrderAsync(order.Id, order.Token);
        await ownerRead.ExpectAsync(HttpStatusCode.NotFound);
        var adminView = await _client.OrderAsync(order.Id, order.AdminToken);
        Assert.True(adminView.GetProperty("isArchived").GetBoolean());
        using var ownList = await _client.CallAsync(HttpMethod.Get, "/api/v1/orders", order.Token);
        using var adminList = await _client.CallAsync(HttpMethod.Get, $"/api/v1/orders?userId={order.UserId}", order.AdminToken);
        Assert.Equal(0L, (await ownList.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt64());
        Assert.Equal(0L, (await adminList.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt64());
        var stored = await factory.WithOrderingDbAsync(db => Task.FromResult(db.Orders.Single(o => o.Id == order.Id)));
        Assert.True(stored.IsArchived);
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
    }

    [Fact]
    public async Task Archiving_an_order_that_is_not_cancelled_answers_409_and_only_admins_archive()
    {
        var order = await _client.PlacedOrderAsync();

        using var pending = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/orders/{order.Id}", order.AdminToken);
        using var byOwner = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/orders/{order.Id}", order.Token);
        using var anonymous = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/orders/{order.Id}");
        using var unknown = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/orders/{Guid.NewGuid()}", order.AdminToken);

        await pending.ExpectAsync(HttpStatusCode.Conflict);
        await byOwner.ExpectAsync(HttpStatusCode.Forbidden);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        Assert.False((await _client.OrderAsync(order.Id, order.Token)).GetProperty("isArchived").GetBoolean());
    }

    private async Task AssertPendingAsync(PlacedOrder order)
    {
        var data = await _client.OrderAsync(order.Id, order.Token);
        Assert.Equal("pending", data.GetProperty("status").GetString());
        Assert.Single(data.GetProperty("statusHistory").EnumerateArray());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrderStatusTests(OrderingFactory factory) : OrderStatusTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOrderStatusTests(PostgresOrderingFactory factory) : OrderStatusTests<PostgresOrderingFactory>(factory);

using System.Net;
using Mercato.Ordering.Expiry;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Tests.Support;
using Mercato.Payments.Contracts;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Ordering.Tests.Expiry;

/// <summary>
/// Pending orders left unpaid past the payment window (default 30 minutes) are cancelled by the
/// background job, once. Each test has its own host, since it moves the clock.
/// </summary>
public abstract class UnpaidOrderExpiryTests(bool postgres)
{
    [Fact]
    public async Task An_order_unpaid_after_30_minutes_is_cancelled_once_while_paid_and_younger_orders_stay()
    {
        await using var factory = new ClockOrderingFactory(postgres);
        var client = factory.CreateClient();
        var stale = await client.PlacedOrderAsync(stock: 10, quantity: 3);
        var paid = await client.PlacedOrderAsync();
        await client.MoveAsync(paid, "paid");
        var payments = await client.PaymentsTokenAsync();
        // Tokens are checked against the real clock, so the later customer signs in before the clock moves.
        var (_, _, laterCustomer) = await client.RegisterCustomerAsync();
        await client.AddAsync(laterCustomer, stale.ProductId, 1);

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var placed = await client.PlaceOrderAsync(laterCustomer, Shop.OrderBody());
        await placed.ExpectAsync(HttpStatusCode.Created);
        var younger = (await placed.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var job = factory.Services.GetRequiredService<UnpaidOrderExpiry>();
        await Task.WhenAll(job.CancelExpiredAsync(CancellationToken.None), job.CancelExpiredAsync(CancellationToken.None));

        var stored = await factory.WithOrderingDbAsync(db => db.Orders.AsNoTracking().Include(o => o.StatusHistory)
            .Where(o => o.Id == stale.Id || o.Id == paid.Id || o.Id == younger).ToDictionaryAsync(o => o.Id));
        Assert.Equal(OrderStatus.Cancelled, stored[stale.Id].Status);
        var cancellation = Assert.Single(stored[stale.Id].StatusHistory, c => c.To == OrderStatus.Cancelled);
        Assert.Equal((UnpaidOrderExpiry.Reason, "system"), (cancellation.Note, cancellation.Actor));
        Assert.Equal(OrderStatus.Paid, stored[paid.Id].Status);
        Assert.Equal(OrderStatus.Pending, stored[younger].Status);
        var cancelled = Assert.Single(await factory.EventsAsync("ordering.order-cancelled.v1", stale.Id));
        Assert.Equal((UnpaidOrderExpiry.Reason, false), (cancelled.GetProperty("reason").GetString(), cancelled.GetProperty("wasPaid").GetBoolean()));
        Assert.Empty(await factory.EventsAsync("ordering.order-cancelled.v1", paid.Id));
        // 10 units: 3 went to the expired order, 1 to the younger one; the 3 come back once.
        Assert.Equal(9, await MercatoProcess.EventuallyAsync(() => client.StockAsync(stale.ProductId), s => s == 9, TimeSpan.FromSeconds(15)));

        // Paying the expired order afterwards is refused; nothing changes.
        using var late = await client.PayAsync(payments, stale.Id, "pi_late");
        await late.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await job.CancelExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_order_whose_payment_is_authorised_outlives_its_window_until_that_authorisation_is_released()
    {
        await using var factory = new ClockOrderingFactory(postgres);
        var client = factory.CreateClient();
        var held = await client.PlacedOrderAsync();
        await factory.PublishAsync(new PaymentAuthorized(held.Id, "pi_held", 54.00m));
        await factory.PublishAsync(new PaymentAuthorized(held.Id, "pi_held", 54.00m)); // the same fact again, under another message id
        await factory.PublishAsync(new PaymentFailed(held.Id, "pi_other", "card_declined")); // another attempt's failure releases nothing

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var job = factory.Services.GetRequiredService<UnpaidOrderExpiry>();
        Assert.Equal(0, await job.CancelExpiredAsync(CancellationToken.None));
        var data = await client.OrderAsync(held.Id, held.Token);
        Assert.Equal("pending", data.GetProperty("status").GetString());
        Assert.Equal(["Payment authorised: 54.00 held until captured"], NotesOf(data).Where(n => n.StartsWith("Payment", StringComparison.Ordinal)));
        Assert.Empty(await factory.EventsAsync("ordering.order-cancelled.v1", held.Id));

        // The money is released: the order is unpaid again, past its window, and the sweep cancels it.
        await factory.PublishAsync(new PaymentFailed(held.Id, "pi_held", "authorization_voided"));
        Assert.Contains("Payment authorisation released (authorization_voided); the order awaits payment again", NotesOf(await client.OrderAsync(held.Id, held.Token)));
        await job.CancelExpiredAsync(CancellationToken.None);
        Assert.Equal("cancelled", (await client.OrderAsync(held.Id, held.Token)).GetProperty("status").GetString());
        Assert.Single(await factory.EventsAsync("ordering.order-cancelled.v1", held.Id));
    }

    private static string[] NotesOf(System.Text.Json.JsonElement order) =>
        [.. order.GetProperty("statusHistory").EnumerateArray()
            .Select(e => e.TryGetProperty("note", out var note) && note.ValueKind == System.Text.Json.JsonValueKind.String ? note.GetString()! : string.Empty)];

    [Fact]
    public async Task A_payment_racing_the_expiry_either_pays_or_is_refused_never_both()
    {
        await using var factory = new ClockOrderingFactory(postgres);
        var client = factory.CreateClient();
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < 5; i++)
        {
            orders.Add(await client.PlacedOrderAsync());
        }

        var payments = await client.PaymentsTokenAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var job = factory.Services.GetRequiredService<UnpaidOrderExpiry>();

        var sweep = Task.Run(() => job.CancelExpiredAsync(CancellationToken.None));
        var pays = orders.Select(async o =>
        {
            using var response = await client.PayAsync(payments, o.Id, "pi_" + o.Id.ToString("N"));
            return (o.Id, response.StatusCode);
        }).ToList();
        await sweep;
        var answers = await Task.WhenAll(pays);

        foreach (var (id, status) in answers)
        {
            var order = await factory.WithOrderingDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == id));
            var paidEvents = (await factory.EventsAsync("ordering.order-paid.v1", id)).Count;
            var cancelledEvents = (await factory.EventsAsync("ordering.order-cancelled.v1", id)).Count;
            if (status == HttpStatusCode.OK)
            {
                Assert.Equal((OrderStatus.Paid, 1, 0), (order.Status, paidEvents, cancelledEvents));
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, status);
                Assert.Equal((OrderStatus.Cancelled, 0, 1), (order.Status, paidEvents, cancelledEvents));
            }
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteUnpaidOrderExpiryTests() : UnpaidOrderExpiryTests(postgres: false);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresUnpaidOrderExpiryTests() : UnpaidOrderExpiryTests(postgres: true);

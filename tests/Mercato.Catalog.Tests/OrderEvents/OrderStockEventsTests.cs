using Mercato.Catalog.Tests.Support;
using Mercato.Messaging.Inbox;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.OrderEvents;

/// <summary>
/// Ordering's OrderPaid and OrderCancelled reach the Catalog through the real pipeline (outbox,
/// relay, in-process transport, inbox) and move the order's stock exactly once, however often
/// they are delivered, on one provider.
/// </summary>
public abstract class OrderStockEventsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Order_paid_commits_the_reservation_once_even_when_redelivered()
    {
        var (service, admin) = (await _client.ServiceTokenAsync(), await Tokens.AdminAsync(_client));
        var a = await factory.ProductAsync(10);
        var b = await factory.ProductAsync(5);
        var order = Guid.NewGuid();
        await _client.ReserveAsync(service, order, (a, 3), (b, 1));
        Assert.Equal(7, await _client.AvailableAsync(a));

        var paid = OrderEventFixtures.Paid(order);
        await factory.RelayAsync(paid);
        await factory.RedeliverAsync(paid.Id);

        Assert.Equal("committed", await _client.ReservationStatusAsync(service, order));
        Assert.Equal((7, 0), await factory.StockOfAsync(a));
        Assert.Equal((4, 0), await factory.StockOfAsync(b));
        Assert.Equal(7, await _client.AvailableAsync(a));
        var commit = Assert.Single((await _client.LedgerAsync(admin, a)).OfKind("commit"));
        Assert.Equal((-3, -3, "ordering", order), (commit.GetProperty("onHandChange").GetInt32(), commit.GetProperty("reservedChange").GetInt32(),
            commit.GetProperty("actor").GetString(), commit.GetProperty("orderId").GetGuid()));
        Assert.Single((await _client.LedgerAsync(admin, b)).OfKind("commit"));
        await factory.AssertLedgerAddsUpAsync(a);
        await factory.AssertLedgerAddsUpAsync(b);
    }

    [Fact]
    public async Task Cancelling_a_held_order_releases_its_stock_once_under_redelivery_and_a_second_cancellation()
    {
        var (service, admin) = (await _client.ServiceTokenAsync(), await Tokens.AdminAsync(_client));
        var a = await factory.ProductAsync(10);
        var order = Guid.NewGuid();
        var other = Guid.NewGuid();
        await _client.ReserveAsync(service, order, (a, 4));
        await _client.ReserveAsync(service, other, (a, 2));

        var cancelled = OrderEventFixtures.Cancelled(order, wasPaid: false, (a, 4));
        await factory.RelayAsync(cancelled);
        await factory.RedeliverAsync(cancelled.Id);
        await factory.RelayAsync(OrderEventFixtures.Cancelled(order, wasPaid: false, (a, 4)) with { Reason = "Payment not received in time" });

        Assert.Equal("released", await _client.ReservationStatusAsync(service, order));
        Assert.Equal("reserved", await _client.ReservationStatusAsync(service, other));
        Assert.Equal((10, 2), await factory.StockOfAsync(a));
        Assert.Equal(8, await _client.AvailableAsync(a));
        var release = Assert.Single((await _client.LedgerAsync(admin, a)).OfKind("release"));
        Assert.Equal((0, -4, order), (release.GetProperty("onHandChange").GetInt32(), release.GetProperty("reservedChange").GetInt32(), release.GetProperty("orderId").GetGuid()));
        Assert.Empty((await _client.LedgerAsync(admin, a)).OfKind("return"));
        await factory.AssertLedgerAddsUpAsync(a);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_returns_its_sold_units_on_hand_once()
    {
        var (service, admin) = (await _client.ServiceTokenAsync(), await Tokens.AdminAsync(_client));
        var a = await factory.ProductAsync(10);
        var b = await factory.ProductAsync(3);
        var order = Guid.NewGuid();
        await _client.ReserveAsync(service, order, (a, 3), (b, 3));
        await factory.RelayAsync(OrderEventFixtures.Paid(order));
        Assert.Equal((7, 0), await factory.StockOfAsync(a));
        Assert.Equal(0, await _client.AvailableAsync(b));

        var cancelled = OrderEventFixtures.Cancelled(order, wasPaid: true, (a, 3), (b, 3));
        await factory.RelayAsync(cancelled);
        await factory.RedeliverAsync(cancelled.Id);
        await factory.RelayAsync(OrderEventFixtures.Cancelled(order, wasPaid: true, (a, 3), (b, 3)));

        Assert.Equal("returned", await _client.ReservationStatusAsync(service, order));
        Assert.Equal((10, 0), await factory.StockOfAsync(a));
        Assert.Equal((3, 0), await factory.StockOfAsync(b));
        Assert.Equal(10, await _client.AvailableAsync(a));
        Assert.Equal(3, await _client.AvailableAsync(b));
        var ledger = await _client.LedgerAsync(admin, a);
        var returned = Assert.Single(ledger.OfKind("return"));
        Assert.Equal((3, 0, $"order {order} cancelled", "ordering"), (returned.GetProperty("onHandChange").GetInt32(), returned.GetProperty("reservedChange").GetInt32(),
            returned.GetProperty("reason").GetString(), returned.GetProperty("actor").GetString()));
        Assert.Empty(ledger.OfKind("release"));

        // A payment reported after the return sells nothing again.
        await factory.RelayAsync(OrderEventFixtures.Paid(order));
        Assert.Equal((10, 0), await factory.StockOfAsync(a));
        Assert.Single((await _client.LedgerAsync(admin, a)).OfKind("commit"));
        await factory.AssertLedgerAddsUpAsync(a);
        await factory.AssertLedgerAddsUpAsync(b);
    }

    [Fact]
    public async Task Ten_parallel_cancellations_of_one_order_give_its_stock_back_once()
    {
        var (service, admin) = (await _client.ServiceTokenAsync(), await Tokens.AdminAsync(_client));
        var a = await factory.ProductAsync(20);
        var b = await factory.ProductAsync(20);
        var held = Guid.NewGuid();
        var paid = Guid.NewGuid();
        await _client.ReserveAsync(service, held, (a, 2), (b, 5));
        await _client.ReserveAsync(service, paid, (a, 3), (b, 4));
        await factory.RelayAsync(OrderEventFixtures.Paid(paid));
        Assert.Equal((17, 2), await factory.StockOfAsync(a));
        Assert.Equal((16, 5), await factory.StockOfAsync(b));

        // Twenty distinct events (ten per order) go through the transport at once, as parallel consumers would take them.
        var events = Enumerable.Range(0, 20)
            .Select(i => i % 2 == 0 ? OrderEventFixtures.Cancelled(held, false, (a, 2), (b, 5)) : OrderEventFixtures.Cancelled(paid, true, (a, 3), (b, 4)))
            .ToList();
        await Task.WhenAll(events.Select(e => Task.Run(() => factory.Services.PublishAsync(e, OrderEventFixtures.Ordering))));

        Assert.Equal((20, 0), await factory.StockOfAsync(a));
        Assert.Equal((20, 0), await factory.StockOfAsync(b));
        Assert.Equal(20, await _client.AvailableAsync(a));
        Assert.Equal("released", await _client.ReservationStatusAsync(service, held));
        Assert.Equal("returned", await _client.ReservationStatusAsync(service, paid));
        foreach (var product in new[] { a, b })
        {
            var ledger = await _client.LedgerAsync(admin, product);
            Assert.Equal(held, Assert.Single(ledger.OfKind("release")).GetProperty("orderId").GetGuid());
            Assert.Equal(paid, Assert.Single(ledger.OfKind("return")).GetProperty("orderId").GetGuid());
            await factory.AssertLedgerAddsUpAsync(product);
        }

        // Every one of them was handled (and recorded), not dropped: the stock simply had nothing more to give.
        var ids = events.Select(e => e.Id).ToList();
        Assert.Equal(20, await factory.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId))));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrderStockEventsTests(StockFactory factory) : OrderStockEventsTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOrderStockEventsTests(PostgresStockFactory factory) : OrderStockEventsTests<PostgresStockFactory>(factory);

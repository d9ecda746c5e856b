using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>Many parallel stock requests on one provider: never oversold, never held twice, the ledger adds up.</summary>
public abstract class StockConcurrencyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private const string Url = "/api/v1/catalog/reservations";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Two_hundred_parallel_reservations_for_fifty_units_hold_exactly_fifty()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(50);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(Guid.NewGuid(), (a, 1)));
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal(["INSUFFICIENT_STOCK"], (await response.ReadErrorAsync()).ErrorCodes());
            }

            return response.StatusCode;
        }));

        Assert.Equal(50, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(150, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal((50, 50), await factory.StockOfAsync(a));
        using var lookup = await _client.PostJsonAsync("/api/v1/products/stock", new { ids = new[] { a } });
        var item = (await lookup.ReadJsonAsync()).GetProperty("data")[0];
        Assert.Equal(0, item.GetProperty("stock").GetInt32());
        Assert.False(item.GetProperty("inStock").GetBoolean());
        Assert.Equal(50, (await factory.LedgerOfAsync(a)).Count(l => l.ReservedChange == 1));
        await factory.AssertLedgerAddsUpAsync(a);
    }

    [Fact]
    public async Task The_same_order_sent_in_parallel_is_reserved_committed_and_released_once()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(100);
        var b = await factory.ProductAsync(100);
        var committed = Guid.NewGuid();
        var released = Guid.NewGuid();

        foreach (var orderId in new[] { committed, released })
        {
            var reserves = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            {
                using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(orderId, (a, 3), (b, 2)));
                return response.StatusCode;
            }));
            Assert.Equal(1, reserves.Count(s => s == HttpStatusCode.Created));
            Assert.Equal(9, reserves.Count(s => s == HttpStatusCode.OK));
        }

        Assert.Equal((100, 6), await factory.StockOfAsync(a));
        Assert.Equal((100, 4), await factory.StockOfAsync(b));

        var transitions = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            var url = i % 2 == 0 ? $"{Url}/{committed}/commit" : $"{Url}/{released}/release";
            using var response = await _client.SendAsync(HttpMethod.Post, url, token);
            return response.StatusCode;
        }));
        Assert.All(transitions, s => Assert.Equal(HttpStatusCode.OK, s));

        Assert.Equal((97, 0), await factory.StockOfAsync(a));
        Assert.Equal((98, 0), await factory.StockOfAsync(b));
        await factory.AssertLedgerAddsUpAsync(a);
        await factory.AssertLedgerAddsUpAsync(b);
        var kinds = (await factory.LedgerOfAsync(a)).Select(l => l.Kind.ToString()).Order().ToList();
        Assert.Equal(["Commit", "Initial", "Release", "Reserve", "Reserve"], kinds);
    }

    [Fact]
    public async Task Multi_line_reservations_competing_for_one_scarce_product_never_hold_a_partial_order()
    {
        var token = await _client.ServiceTokenAsync();
        var plenty = await factory.ProductAsync(1000);
        var scarce = await factory.ProductAsync(10);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(Guid.NewGuid(), (plenty, 2), (scarce, 1)));
            return response.StatusCode;
        }));

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal((1000, 20), await factory.StockOfAsync(plenty));
        Assert.Equal((10, 10), await factory.StockOfAsync(scarce));
        await factory.AssertLedgerAddsUpAsync(plenty);
        await factory.AssertLedgerAddsUpAsync(scarce);
    }

    [Fact]
    public async Task Admin_changes_in_parallel_with_reservations_keep_reserved_within_on_hand_and_the_ledger_adds_up()
    {
        var token = await _client.ServiceTokenAsync();
        var admin = await Tokens.AdminAsync(_client);
        var a = await factory.ProductAsync(30);

        var reservations = Enumerable.Range(0, 60).Select(async _ =>
        {
            using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(Guid.NewGuid(), (a, 1)));
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"reserve answered {response.StatusCode}");
        });
        var adjustments = Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = i % 3 == 0
                ? await _client.SendAsync(HttpMethod.Put, $"/api/v1/products/{a}/stock", admin, new { stock = 25 + i, reason = "count" })
                : await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{a}/stock/adjustments", admin, new { change = i % 2 == 0 ? 3 : -4, reason = "adjust" });
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"admin change answered {response.StatusCode}");
        });
        await Task.WhenAll(reservations.Concat(adjustments));

        var (onHand, reserved) = await factory.StockOfAsync(a);
        Assert.InRange(reserved, 0, onHand);
        await factory.AssertLedgerAddsUpAsync(a);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteStockConcurrencyTests(StockFactory factory) : StockConcurrencyTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresStockConcurrencyTests(PostgresStockFactory factory) : StockConcurrencyTests<PostgresStockFactory>(factory);

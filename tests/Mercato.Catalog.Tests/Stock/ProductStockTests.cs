using System.Net;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>The public stock lookup and the administrators' stock endpoints on one provider.</summary>
public abstract class ProductStockTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_lookup_answers_available_stock_in_request_order_and_leaves_out_unknown_deleted_and_unpublished_ids()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        var empty = await factory.ProductAsync(2);
        var deleted = await factory.ProductAsync(5, deleted: true);
        var hidden = await factory.ProductAsync(5, available: false);
        await _client.ReserveAsync(token, Guid.NewGuid(), (a, 3), (empty, 2));

        using var response = await _client.PostJsonAsync("/api/v1/products/stock", new { ids = new[] { empty, Guid.NewGuid(), a, deleted, hidden, a } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal((empty, 0, false), (items[0].GetProperty("id").GetGuid(), items[0].GetProperty("stock").GetInt32(), items[0].GetProperty("inStock").GetBoolean()));
        Assert.Equal((a, 7, true), (items[1].GetProperty("id").GetGuid(), items[1].GetProperty("stock").GetInt32(), items[1].GetProperty("inStock").GetBoolean()));
    }

    [Fact]
    public async Task The_lookup_refuses_an_empty_list_too_many_ids_and_malformed_ids_with_400()
    {
        using var empty = await _client.PostJsonAsync("/api/v1/products/stock", new { ids = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["ids"], (await empty.ReadErrorAsync()).ErrorFields());

        using var many = await _client.PostJsonAsync("/api/v1/products/stock", new { ids = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Equal(["ids"], (await many.ReadErrorAsync()).ErrorFields());

        using var malformed = await _client.PostJsonAsync("/api/v1/products/stock", new { ids = new[] { "not-a-guid" } });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await malformed.ReadErrorAsync();
    }

    [Fact]
    public async Task An_admin_sets_on_hand_with_a_ledger_entry_but_never_below_reserved()
    {
        var admin = await Tokens.AdminAsync(_client);
        var service = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        await _client.ReserveAsync(service, Guid.NewGuid(), (a, 4));

        using var set = await _client.SendAsync(HttpMethod.Put, $"/api/v1/products/{a}/stock", admin, new { stock = 25, reason = "stock count" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var data = (await set.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((25, 4, 21), (data.GetProperty("onHand").GetInt32(), data.GetProperty("reserved").GetInt32(), data.GetProperty("availableStock").GetInt32()));
        var entry = Assert.Single(await factory.LedgerOfAsync(a), l => l.Kind == StockChangeKind.Set);
        Assert.Equal((15, "stock count", 25, 4), (entry.OnHandChange, entry.Reason, entry.OnHandAfter, entry.ReservedAfter));
        Assert.False(string.IsNullOrEmpty(entry.Actor));

        using var below = await _client.SendAsync(HttpMethod.Put, $"/api/v1/products/{a}/stock", admin, new { stock = 3, reason = "lost" });
        Assert.Equal(HttpStatusCode.Conflict, below.StatusCode);
        Assert.Equal(["stock"], (await below.ReadErrorAsync()).ErrorFields());
        Assert.Equal((25, 4), await factory.StockOfAsync(a));
        await factory.AssertLedgerAddsUpAsync(a);
    }

    [Fact]
    public async Task An_admin_adjusts_on_hand_both_ways_but_never_below_reserved()
    {
        var admin = await Tokens.AdminAsync(_client);
        var service = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        await _client.ReserveAsync(service, Guid.NewGuid(), (a, 6));

        using var added = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{a}/stock/adjustments", admin, new { change = 5, reason = "delivery" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        using var removed = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{a}/stock/adjustments", admin, new { change = -9, reason = "damaged" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(0, (await removed.ReadJsonAsync()).GetProperty("data").GetProperty("availableStock").GetInt32());
        using var tooMany = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{a}/stock/adjustments", admin, new { change = -1, reason = "damaged" });
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Equal(["change"], (await tooMany.ReadErrorAsync()).ErrorFields());

        Assert.Equal((6, 6), await factory.StockOfAsync(a));
        var adjustments = (await factory.LedgerOfAsync(a)).Where(l => l.Kind == StockChangeKind.Adjust).Select(l => (l.OnHandChange, l.Reason)).Order().ToList();
        Assert.Equal([(-9, "damaged"), (5, "delivery")], adjustments);
        await factory.AssertLedgerAddsUpAsync(a);
    }

    [Fact]
    public async Task The_ledger_is_paginated_newest_first()
    {
        var admin = await Tokens.AdminAsync(_client);
        var a = await factory.ProductAsync(10);
        for (var i = 1; i <= 3; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            using var adjusted = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{a}/stock/adjustments", admin, new { change = i, reason = $"delivery {i}" });
            Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
        }

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/v1/products/{a}/stock/ledger?pageNumber=1&pageSize=2", admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(4, page.GetProperty("totalCount").GetInt64());
        Assert.Equal(2, page.GetProperty("totalPages").GetInt32());
        Assert.True(page.GetProperty("hasNextPage").GetBoolean());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["delivery 3", "delivery 2"], items.Select(i => i.GetProperty("reason").GetString()));
        Assert.Equal("adjust", items[0].GetProperty("kind").GetString());
        Assert.Equal(16, items[0].GetProperty("onHandAfter").GetInt32());

        using var bad = await _client.SendAsync(HttpMethod.Get, $"/api/v1/products/{a}/stock/ledger?pageSize=0", admin);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["pageSize"], (await bad.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task Bad_bodies_answer_400_and_unknown_products_404_changing_nothing()
    {
        var admin = await Tokens.AdminAsync(_client);
        var a = await factory.ProductAsync(10);
        var cases = new (HttpMethod Method, string Url, object Body, string Field)[]
        {
            (HttpMethod.Put, $"/api/v1/products/{a}/stock", new { stock = -1, reason = "x" }, "stock"),
            (HttpMethod.Put, $"/api/v1/products/{a}/stock", new { stock = 5 }, "reason"),
            (HttpMethod.Post, $"/api/v1/products/{a}/stock/adjustments", new { change = 0, reason = "x" }, "change"),
            (HttpMethod.Post, $"/api/v1/products/{a}/stock/adjustments", new { change = 2, reason = "" }, "reason"),
        };
        foreach (var (method, url, body, field) in cases)
        {
            using var response = await _client.SendAsync(method, url, admin, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        }

        var unknown = Guid.NewGuid();
        using var set = await _client.SendAsync(HttpMethod.Put, $"/api/v1/products/{unknown}/stock", admin, new { stock = 5, reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, set.StatusCode);
        using var adjust = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{unknown}/stock/adjustments", admin, new { change = 5, reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, adjust.StatusCode);
        using var ledger = await _client.SendAsync(HttpMethod.Get, $"/api/v1/products/{unknown}/stock/ledger", admin);
        Assert.Equal(HttpStatusCode.NotFound, ledger.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await ledger.ReadErrorAsync()).ErrorCodes());
        Assert.Equal((10, 0), await factory.StockOfAsync(a));
        Assert.Single(await factory.LedgerOfAsync(a));
    }

    [Fact]
    public async Task Stock_administration_needs_the_admin_role()
    {
        var a = await factory.ProductAsync(10);
        var (_, customer) = await Tokens.CustomerAsync(_client);
        var service = await _client.ServiceTokenAsync();
        foreach (var (token, status) in new[] { ((string?)null, HttpStatusCode.Unauthorized), (customer, HttpStatusCode.Forbidden), (service, HttpStatusCode.Forbidden) })
        {
            using var set = await _client.SendAsync(HttpMethod.Put, $"/api/v1/products/{a}/stock", token, new { stock = 50, reason = "x" });
            Assert.Equal(status, set.StatusCode);
            using var adjust = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{a}/stock/adjustments", token, new { change = 5, reason = "x" });
            Assert.Equal(status, adjust.StatusCode);
            using var ledger = await _client.SendAsync(HttpMethod.Get, $"/api/v1/products/{a}/stock/ledger", token);
            Assert.Equal(status, ledger.StatusCode);
        }

        Assert.Equal((10, 0), await factory.StockOfAsync(a));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteProductStockTests(StockFactory factory) : ProductStockTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProductStockTests(PostgresStockFactory factory) : ProductStockTests<PostgresStockFactory>(factory);

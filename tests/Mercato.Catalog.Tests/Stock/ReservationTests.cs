using System.Net;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>The service-only reservation endpoints on one provider.</summary>
public abstract class ReservationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private const string Url = "/api/v1/catalog/reservations";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Reserving_holds_every_line_writes_reservations_and_ledger_and_answers_201()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        var b = await factory.ProductAsync(3);
        var orderId = Guid.NewGuid();

        using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(orderId, (a, 4), (b, 3)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{Url}/{orderId}", response.Headers.Location?.OriginalString);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(orderId, data.GetProperty("orderId").GetGuid());
        Assert.Equal("reserved", data.GetProperty("status").GetString());
        Assert.Equal(2, data.GetProperty("lines").GetArrayLength());
        Assert.Equal((10, 4), await factory.StockOfAsync(a));
        Assert.Equal((3, 3), await factory.StockOfAsync(b));
        var rows = await factory.ReservationsOfAsync(orderId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(ReservationStatus.Reserved, r.Status));
        Assert.All(rows, r => Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(30), r.ExpiresAt, TimeSpan.FromSeconds(1)));
        var entry = Assert.Single(await factory.LedgerOfAsync(a), l => l.Kind == StockChangeKind.Reserve);
        Assert.Equal((0, 4, 10, 4, orderId, StockFactory.OrdersClient), (entry.OnHandChange, entry.ReservedChange, entry.OnHandAfter, entry.ReservedAfter, entry.OrderId, entry.Actor));
        await factory.AssertLedgerAddsUpAsync(a);
        await factory.AssertLedgerAddsUpAsync(b);
    }

    [Fact]
    public async Task A_retry_with_the_same_order_answers_200_without_reserving_twice_and_other_lines_answer_409()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        var orderId = Guid.NewGuid();
        using var first = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(orderId, (a, 2)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var retry = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(orderId, (a, 2)));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("reserved", (await retry.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());

        using var other = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(orderId, (a, 3)));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(["CONFLICT"], (await other.ReadErrorAsync()).ErrorCodes());
        Assert.Equal((10, 2), await factory.StockOfAsync(a));
        Assert.Single(await factory.ReservationsOfAsync(orderId));
    }

    [Fact]
    public async Task A_short_line_answers_409_insufficient_stock_in_seed_shape_and_reserves_nothing()
    {
        var token = await _client.ServiceTokenAsync();
        var plenty = await factory.ProductAsync(10);
        var scarce = await factory.ProductAsync(5);
        var orderId = Guid.NewGuid();

        using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(orderId, (plenty, 1), (scarce, 10)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("Insufficient stock", error.GetProperty("message").GetString());
        var entry = Assert.Single(error.GetProperty("errors").EnumerateArray());
        Assert.Equal("INSUFFICIENT_STOCK", entry.GetProperty("code").GetString());
        Assert.Equal("Only 5 items available, requested 10", entry.GetProperty("message").GetString());
        Assert.Equal("lines[1].quantity", entry.GetProperty("field").GetString());
        Assert.Equal(5, entry.GetProperty("availableStock").GetInt32());
        Assert.Equal(10, entry.GetProperty("requestedQuantity").GetInt32());
        Assert.Equal(scarce, entry.GetProperty("productId").GetGuid());
        Assert.Equal((10, 0), await factory.StockOfAsync(plenty));
        Assert.Equal((5, 0), await factory.StockOfAsync(scarce));
        Assert.Empty(await factory.ReservationsOfAsync(orderId));
        Assert.Single(await factory.LedgerOfAsync(plenty));
    }

    [Fact]
    public async Task Deleted_unpublished_and_unknown_products_cannot_be_reserved()
    {
        var token = await _client.ServiceTokenAsync();
        var deleted = await factory.ProductAsync(10, deleted: true);
        var hidden = await factory.ProductAsync(10, available: false);
        foreach (var productId in new[] { deleted, hidden, Guid.NewGuid() })
        {
            var orderId = Guid.NewGuid();
            using var response = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(orderId, (productId, 1)));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var entry = (await response.ReadErrorAsync()).GetProperty("errors")[0];
            Assert.Equal("INSUFFICIENT_STOCK", entry.GetProperty("code").GetString());
            Assert.Equal(0, entry.GetProperty("availableStock").GetInt32());
            Assert.Empty(await factory.ReservationsOfAsync(orderId));
        }

        Assert.Equal((10, 0), await factory.StockOfAsync(deleted));
        Assert.Equal((10, 0), await factory.StockOfAsync(hidden));
    }

    [Fact]
    public async Task Commit_takes_the_units_out_of_stock_once_and_a_committed_reservation_is_not_released()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        var orderId = Guid.NewGuid();
        await _client.ReserveAsync(token, orderId, (a, 4));

        for (var i = 0; i < 2; i++)
        {
            using var commit = await _client.SendAsync(HttpMethod.Post, $"{Url}/{orderId}/commit", token);
            Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
            Assert.Equal("committed", (await commit.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        }

        Assert.Equal((6, 0), await factory.StockOfAsync(a));
        var commitEntry = Assert.Single(await factory.LedgerOfAsync(a), l => l.Kind == StockChangeKind.Commit);
        Assert.Equal((-4, -4), (commitEntry.OnHandChange, commitEntry.ReservedChange));

        using var release = await _client.SendAsync(HttpMethod.Post, $"{Url}/{orderId}/release", token);
        Assert.Equal(HttpStatusCode.Conflict, release.StatusCode);
        Assert.Equal(["CONFLICT"], (await release.ReadErrorAsync()).ErrorCodes());
        Assert.Equal((6, 0), await factory.StockOfAsync(a));
        await factory.AssertLedgerAddsUpAsync(a);
    }

    [Fact]
    public async Task Release_gives_the_units_back_once_and_a_released_reservation_is_not_committed()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        var orderId = Guid.NewGuid();
        await _client.ReserveAsync(token, orderId, (a, 4));

        for (var i = 0; i < 2; i++)
        {
            using var release = await _client.SendAsync(HttpMethod.Post, $"{Url}/{orderId}/release", token);
            Assert.Equal(HttpStatusCode.OK, release.StatusCode);
            Assert.Equal("released", (await release.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        }

        Assert.Equal((10, 0), await factory.StockOfAsync(a));
        Assert.Single(await factory.LedgerOfAsync(a), l => l.Kind == StockChangeKind.Release);

        using var commit = await _client.SendAsync(HttpMethod.Post, $"{Url}/{orderId}/commit", token);
        Assert.Equal(HttpStatusCode.Conflict, commit.StatusCode);
        using var get = await _client.SendAsync(HttpMethod.Get, $"{Url}/{orderId}", token);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("released", (await get.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        await factory.AssertLedgerAddsUpAsync(a);
    }

    [Fact]
    public async Task Unknown_orders_answer_404()
    {
        var token = await _client.ServiceTokenAsync();
        var orderId = Guid.NewGuid();
        foreach (var (method, url) in new[] { (HttpMethod.Get, $"{Url}/{orderId}"), (HttpMethod.Post, $"{Url}/{orderId}/commit"), (HttpMethod.Post, $"{Url}/{orderId}/release") })
        {
            using var response = await _client.SendAsync(method, url, token);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    [Fact]
    public async Task Bad_bodies_answer_400_naming_the_field_and_change_nothing()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        var cases = new (object Body, string Field)[]
        {
            (new { lines = new[] { new { productId = a, quantity = 1 } } }, "orderId"),
            (new { orderId = Guid.NewGuid(), lines = Array.Empty<object>() }, "lines"),
            (new { orderId = Guid.NewGuid(), lines = new[] { new { productId = a, quantity = 0 } } }, "lines[0].quantity"),
            (new { orderId = Guid.NewGuid(), lines = new[] { new { productId = Guid.Empty, quantity = 1 } } }, "lines[0].productId"),
            (new { orderId = Guid.NewGuid(), lines = new[] { new { productId = a, quantity = 1 } }, holdForSeconds = 0 }, "holdForSeconds"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await _client.SendAsync(HttpMethod.Post, Url, token, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        }

        using var notJson = await _client.SendAsync(HttpMethod.Post, Url, token, new { orderId = "not-a-guid", lines = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        await notJson.ReadErrorAsync();
        foreach (var raw in new[] { "null", "{", "" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await response.ReadErrorAsync();
        }

        Assert.Equal((10, 0), await factory.StockOfAsync(a));
    }

    [Fact]
    public async Task Only_service_tokens_with_the_stock_scope_may_call()
    {
        var a = await factory.ProductAsync(10);
        var (_, customer) = await Tokens.CustomerAsync(_client);
        var admin = await Tokens.AdminAsync(_client);
        var reports = await _client.ServiceTokenAsync(StockFactory.ReportsClient);
        var orderId = Guid.NewGuid();
        foreach (var (token, status) in new[] { ((string?)null, HttpStatusCode.Unauthorized), (customer, HttpStatusCode.Forbidden), (admin, HttpStatusCode.Forbidden), (reports, HttpStatusCode.Forbidden) })
        {
            using var reserve = await _client.SendAsync(HttpMethod.Post, Url, token, StockFixtures.Reserve(orderId, (a, 1)));
            Assert.Equal(status, reserve.StatusCode);
            using var get = await _client.SendAsync(HttpMethod.Get, $"{Url}/{orderId}", token);
            Assert.Equal(status, get.StatusCode);
            using var commit = await _client.SendAsync(HttpMethod.Post, $"{Url}/{orderId}/commit", token);
            Assert.Equal(status, commit.StatusCode);
            using var release = await _client.SendAsync(HttpMethod.Post, $"{Url}/{orderId}/release", token);
            Assert.Equal(status, release.StatusCode);
        }

        Assert.Equal((10, 0), await factory.StockOfAsync(a));
        Assert.Empty(await factory.ReservationsOfAsync(orderId));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteReservationTests(StockFactory factory) : ReservationTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresReservationTests(PostgresStockFactory factory) : ReservationTests<PostgresStockFactory>(factory);

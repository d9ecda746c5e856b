using System.Net;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>
/// <c>POST /api/v1/catalog/reservations/{orderId}/rehold</c> on one provider: the stock a cancelled
/// order gave back is held again (its late payment revives it), all lines or none, exactly under
/// concurrency.
/// </summary>
public abstract class ReholdTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private const string Url = "/api/v1/catalog/reservations";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Re_holding_a_released_order_holds_every_line_again_with_a_new_hold_and_ledger_entries_once()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        var b = await factory.ProductAsync(3);
        var order = Guid.NewGuid();
        await _client.ReserveAsync(token, order, (a, 4), (b, 3));
        await ReleaseAsync(token, order);

        using var response = await ReholdAsync(token, order, new { holdForSeconds = 3600 });
        using var retry = await ReholdAsync(token, order, new { holdForSeconds = 3600 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(("reserved", order), (body.GetProperty("data").GetProperty("status").GetString(), body.GetProperty("data").GetProperty("orderId").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((10, 4), await factory.StockOfAsync(a));
        Assert.Equal((3, 3), await factory.StockOfAsync(b));
        var rows = await factory.ReservationsOfAsync(order);
        Assert.All(rows, r => Assert.Equal(ReservationStatus.Reserved, r.Status));
        Assert.All(rows, r => Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddHours(1), r.ExpiresAt, TimeSpan.FromSeconds(1)));
        var reheld = Assert.Single(await factory.LedgerOfAsync(a), l => l.Reason == $"order {order} re-held");
        Assert.Equal((StockChangeKind.Reserve, 0, 4, 4, order, StockFactory.OrdersClient), (reheld.Kind, reheld.OnHandChange, reheld.ReservedChange, reheld.ReservedAfter, reheld.OrderId, reheld.Actor));
        await factory.AssertLedgerAddsUpAsync(a);
        await factory.AssertLedgerAddsUpAsync(b);
    }

    [Fact]
    public async Task A_short_line_answers_409_insufficient_stock_and_holds_nothing_of_the_other_lines()
    {
        var token = await _client.ServiceTokenAsync();
        var plenty = await factory.ProductAsync(10);
        var scarce = await factory.ProductAsync(3);
        var order = Guid.NewGuid();
        await _client.ReserveAsync(token, order, (plenty, 2), (scarce, 3));
        await ReleaseAsync(token, order);
        await _client.ReserveAsync(token, Guid.NewGuid(), (scarce, 2));

        using var response = await ReholdAsync(token, order, new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["INSUFFICIENT_STOCK"], error.ErrorCodes());
        Assert.Equal(1, error.GetProperty("errors")[0].GetProperty("availableStock").GetInt32());
        Assert.Equal((10, 0), await factory.StockOfAsync(plenty));
        Assert.Equal((3, 2), await factory.StockOfAsync(scarce));
        Assert.All(await factory.ReservationsOfAsync(order), r => Assert.Equal(ReservationStatus.Released, r.Status));
        await factory.AssertLedgerAddsUpAsync(plenty);
    }

    [Fact]
    public async Task Parallel_re_holds_of_two_orders_for_the_last_unit_let_exactly_one_win()
    {
        var token = await _client.ServiceTokenAsync();
        var product = await factory.ProductAsync(1);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await _client.ReserveAsync(token, first, (product, 1));
        await ReleaseAsync(token, first);
        await _client.ReserveAsync(token, second, (product, 1));
        await ReleaseAsync(token, second);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await ReholdAsync(token, i % 2 == 0 ? first : second, new { });
            return (Order: i % 2 == 0 ? first : second, response.StatusCode);
        }));

        Assert.Equal((1, 1), await factory.StockOfAsync(product));
        var held = (await factory.ReservationsOfAsync(first)).Concat(await factory.ReservationsOfAsync(second)).Where(r => r.Status == ReservationStatus.Reserved).ToList();
        var winner = Assert.Single(held).OrderId;
        Assert.All(statuses.Where(s => s.Order == winner), s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        Assert.All(statuses.Where(s => s.Order != winner), s => Assert.Equal(HttpStatusCode.Conflict, s.StatusCode));
        Assert.Single(await factory.LedgerOfAsync(product), l => l.Reason.EndsWith("re-held", StringComparison.Ordinal));
        await factory.AssertLedgerAddsUpAsync(product);
    }

    [Fact]
    public async Task Stock_still_held_sold_or_unknown_answers_409_409_404_and_bad_input_or_no_token_changes_nothing()
    {
        var token = await _client.ServiceTokenAsync();
        var product = await factory.ProductAsync(10);
        var held = Guid.NewGuid();
        await _client.ReserveAsync(token, held, (product, 2));
        var sold = Guid.NewGuid();
        await _client.ReserveAsync(token, sold, (product, 1));
        using (var commit = await _client.SendAsync(HttpMethod.Post, $"{Url}/{sold}/commit", token))
        {
            Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        }

        using var stillHeld = await ReholdAsync(token, held, new { });
        using var soldAnswer = await ReholdAsync(token, sold, new { });
        using var unknown = await ReholdAsync(token, Guid.NewGuid(), new { });
        using var badHold = await ReholdAsync(token, held, new { holdForSeconds = 0 });
        using var anonymous = await ReholdAsync(null, held, new { });
        using var reader = await ReholdAsync(await _client.ServiceTokenAsync(StockFactory.ReportsClient), held, new { });

        await stillHeld.ExpectErrorAsync(HttpStatusCode.Conflict, "RESERVATION_STILL_HELD");
        await soldAnswer.ExpectErrorAsync(HttpStatusCode.Conflict, "CONFLICT");
        await unknown.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await badHold.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal((9, 2), await factory.StockOfAsync(product));
        await factory.AssertLedgerAddsUpAsync(product);
    }

    private Task<HttpResponseMessage> ReholdAsync(string? token, Guid order, object body)
        => _client.SendAsync(HttpMethod.Post, $"{Url}/{order}/rehold", token, body);

    private async Task ReleaseAsync(string token, Guid order)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Url}/{order}/release", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteReholdTests(StockFactory factory) : ReholdTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresReholdTests(PostgresStockFactory factory) : ReholdTests<PostgresStockFactory>(factory);

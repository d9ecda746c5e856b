using System.Net;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>Held units come back by themselves when the hold runs out, on one provider.</summary>
public abstract class ReservationExpiryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    // Holds here are shorter than the sweep interval and the clock moves less than the token clock skew.
    [Fact]
    public async Task The_engine_releases_only_holds_that_ran_out_with_reason_expired()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(10);
        var shortOrder = Guid.NewGuid();
        var longOrder = Guid.NewGuid();
        using (var reserved = await _client.SendAsync(HttpMethod.Post, "/api/v1/catalog/reservations", token,
            new { orderId = shortOrder, lines = new[] { new { productId = a, quantity = 2 } }, holdForSeconds = 20 }))
        {
            Assert.Equal(HttpStatusCode.Created, reserved.StatusCode);
        }

        await _client.ReserveAsync(token, longOrder, (a, 3));
        factory.Clock.Advance(TimeSpan.FromSeconds(21));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var released = await scope.ServiceProvider.GetRequiredService<StockService>().ReleaseExpiredAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, released);
        }

        Assert.All(await factory.ReservationsOfAsync(shortOrder), r => Assert.Equal(ReservationStatus.Released, r.Status));
        Assert.All(await factory.ReservationsOfAsync(longOrder), r => Assert.Equal(ReservationStatus.Reserved, r.Status));
        Assert.Equal((10, 3), await factory.StockOfAsync(a));
        var entry = Assert.Single(await factory.LedgerOfAsync(a), l => l.Kind == StockChangeKind.Release);
        Assert.Equal(("expired", shortOrder, -2), (entry.Reason, entry.OrderId, entry.ReservedChange));
        await factory.AssertLedgerAddsUpAsync(a);

        using var commitExpired = await _client.SendAsync(HttpMethod.Post, $"/api/v1/catalog/reservations/{shortOrder}/commit", token);
        Assert.Equal(HttpStatusCode.Conflict, commitExpired.StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteReservationExpiryTests(StockFactory factory) : ReservationExpiryTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresReservationExpiryTests(PostgresStockFactory factory) : ReservationExpiryTests<PostgresStockFactory>(factory);

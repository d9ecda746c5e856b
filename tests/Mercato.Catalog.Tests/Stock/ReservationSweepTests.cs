using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>The background sweep on one provider (its own host: it moves the clock by more than half an hour).</summary>
public abstract class ReservationSweepTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_background_sweep_releases_expired_holds_when_its_interval_passes_on_the_clock()
    {
        var token = await _client.ServiceTokenAsync();
        var a = await factory.ProductAsync(5);
        var orderId = Guid.NewGuid();
        await _client.ReserveAsync(token, orderId, (a, 5));

        // Past the default 30-minute hold and past several 1-minute sweep ticks.
        for (var minute = 0; minute < 32; minute++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await factory.ReservationsOfAsync(orderId))[0].Status != ReservationStatus.Released)
        {
            Assert.True(DateTime.UtcNow < deadline, "The sweep did not release the expired reservation within 30 s");
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal((5, 0), await factory.StockOfAsync(a));
        Assert.Contains(await factory.LedgerOfAsync(a), l => l.Kind == StockChangeKind.Release && l.Reason == "expired" && l.Actor == "system");
        await factory.AssertLedgerAddsUpAsync(a);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteReservationSweepTests(StockFactory factory) : ReservationSweepTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresReservationSweepTests(PostgresStockFactory factory) : ReservationSweepTests<PostgresStockFactory>(factory);

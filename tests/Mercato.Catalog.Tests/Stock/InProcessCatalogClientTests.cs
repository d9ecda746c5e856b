using Mercato.Catalog.Contracts;
using Mercato.Catalog.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Stock;

/// <summary>The in-process <see cref="ICatalogClient"/> a co-hosted module gets, on one provider.</summary>
public abstract class InProcessCatalogClientTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    [Fact]
    public async Task Snapshots_report_available_stock_and_deleted_products_as_unavailable()
    {
        var a = await factory.ProductAsync(10);
        var deleted = await factory.ProductAsync(4, deleted: true);
        await using var scope = factory.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<ICatalogClient>();
        var cancel = TestContext.Current.CancellationToken;
        Assert.True((await client.ReserveAsync(new ReserveStockRequest(Guid.NewGuid(), [new ReservationLine(a, 3)]), cancel)).Reserved);

        var snapshots = (await client.GetProductsAsync([a, deleted, Guid.NewGuid()], cancel)).ToDictionary(s => s.Id);

        Assert.Equal(2, snapshots.Count);
        Assert.Equal((7, true, 9.99m), (snapshots[a].AvailableStock, snapshots[a].Available, snapshots[a].Price));
        Assert.Equal((0, false), (snapshots[deleted].AvailableStock, snapshots[deleted].Available));
    }

    [Fact]
    public async Task Reserve_commit_and_release_go_through_the_engine()
    {
        var a = await factory.ProductAsync(5);
        await using var scope = factory.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<ICatalogClient>();
        var cancel = TestContext.Current.CancellationToken;
        var paid = Guid.NewGuid();
        var cancelled = Guid.NewGuid();

        Assert.True((await client.ReserveAsync(new ReserveStockRequest(paid, [new ReservationLine(a, 2)]), cancel)).Reserved);
        Assert.True((await client.ReserveAsync(new ReserveStockRequest(paid, [new ReservationLine(a, 2)]), cancel)).Reserved);
        Assert.True((await client.ReserveAsync(new ReserveStockRequest(cancelled, [new ReservationLine(a, 3)]), cancel)).Reserved);
        var short_ = await client.ReserveAsync(new ReserveStockRequest(Guid.NewGuid(), [new ReservationLine(a, 1)]), cancel);
        Assert.False(short_.Reserved);
        Assert.Equal([new StockShortage(a, 1, 0)], short_.Shortages);

        await client.CommitAsync(paid, cancel);
        await client.CommitAsync(paid, cancel);
        await client.ReleaseAsync(cancelled, cancel);
        await client.ReleaseAsync(cancelled, cancel);

        Assert.Equal((3, 0), await factory.StockOfAsync(a));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ReleaseAsync(paid, cancel));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => client.CommitAsync(Guid.NewGuid(), cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ReserveAsync(new ReserveStockRequest(Guid.NewGuid(), [new ReservationLine(a, -1)]), cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ReserveAsync(new ReserveStockRequest(Guid.NewGuid(), [new ReservationLine(a, 1)], TimeSpan.Zero), cancel));
        await factory.AssertLedgerAddsUpAsync(a);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteInProcessCatalogClientTests(StockFactory factory) : InProcessCatalogClientTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresInProcessCatalogClientTests(PostgresStockFactory factory) : InProcessCatalogClientTests<PostgresStockFactory>(factory);

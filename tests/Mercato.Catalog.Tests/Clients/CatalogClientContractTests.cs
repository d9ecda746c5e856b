using Mercato.Catalog.Client;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Clients;

/// <summary>
/// What every <see cref="ICatalogClient"/> promises, run against the in-process client (a module
/// co-hosted with the Catalog) and the HTTP client (a module in another process, calling the real
/// Catalog endpoints with a real service token), each on SQLite and PostgreSQL.
/// </summary>
public abstract class CatalogClientContractTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : StockFactory
{
    private AsyncServiceScope _scope;

    /// <summary>The host of the module that calls the Catalog.</summary>
    protected abstract IServiceProvider Consumer { get; }

    /// <summary>The implementation the consumer is expected to get.</summary>
    protected abstract Type ExpectedImplementation { get; }

    /// <summary>The client under test, from a scope of the consumer.</summary>
    protected ICatalogClient Client { get; private set; } = null!;

    /// <summary>The Catalog's host.</summary>
    protected TFactory Factory => factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <inheritdoc />
    public virtual ValueTask InitializeAsync()
    {
        _scope = Consumer.CreateAsyncScope();
        Client = _scope.ServiceProvider.GetRequiredService<ICatalogClient>();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void The_consumer_gets_the_expected_implementation()
        => Assert.IsType(ExpectedImplementation, Client);

    [Fact]
    public async Task Snapshots_report_price_and_available_stock_in_the_order_asked_and_leave_unknown_ids_out()
    {
        var a = await factory.ProductAsync(10);
        var b = await factory.ProductAsync(2);
        Assert.True((await Client.ReserveAsync(new ReserveStockRequest(Guid.NewGuid(), [new ReservationLine(a, 3)]), Cancel)).Reserved);

        var snapshots = await Client.GetProductsAsync([b, Guid.NewGuid(), a, b], Cancel);

        Assert.Equal([b, a], snapshots.Select(s => s.Id));
        var first = snapshots[1];
        var stored = await factory.StoredProductAsync(a);
        Assert.Equal(
            new ProductSnapshot(a, stored!.Name, stored.Sku, stored.Slug, 9.99m, null, null, stored.CategoryId, 7, true),
            first);
        Assert.Equal((2, true), (snapshots[0].AvailableStock, snapshots[0].Available));
        Assert.Empty(await Client.GetProductsAsync([], Cancel));
        Assert.Empty(await Client.GetProductsAsync([Guid.NewGuid()], Cancel));
    }

    [Fact]
    public async Task Snapshots_report_deleted_and_unpublished_products_as_unavailable()
    {
        var deleted = await factory.ProductAsync(4, deleted: true);
        var hidden = await factory.ProductAsync(6, available: false);

        var snapshots = (await Client.GetProductsAsync([deleted, hidden], Cancel)).ToDictionary(s => s.Id);

        Assert.Equal((0, false), (snapshots[deleted].AvailableStock, snapshots[deleted].Available));
        Assert.Equal((6, false), (snapshots[hidden].AvailableStock, snapshots[hidden].Available));
    }

    [Fact]
    public async Task Snapshots_of_more_products_than_one_request_takes_are_all_returned()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < ProductSnapshotsRequest.MaxIds + 5; i++)
        {
            ids.Add(await factory.ProductAsync(1));
        }

        var snapshots = await Client.GetProductsAsync(ids, Cancel);

        Assert.Equal(ids, snapshots.Select(s => s.Id));
    }

    [Fact]
    public async Task A_reservation_holds_every_line_or_none_and_names_each_short_line_with_what_is_available()
    {
        var plenty = await factory.ProductAsync(5);
        var scarce = await factory.ProductAsync(1);
        var gone = await factory.ProductAsync(9, deleted: true);
        var order = Guid.NewGuid();

        var refused = await Client.ReserveAsync(
            new ReserveStockRequest(order, [new ReservationLine(plenty, 2), new ReservationLine(scarce, 3), new ReservationLine(gone, 1)]), Cancel);

        Assert.False(refused.Reserved);
        Assert.Equal(
            new[] { new StockShortage(scarce, 3, 1), new StockShortage(gone, 1, 0) }.OrderBy(s => s.ProductId),
            refused.Shortages.OrderBy(s => s.ProductId));
        Assert.Equal((5, 0), await factory.StockOfAsync(plenty));
        Assert.Equal((1, 0), await factory.StockOfAsync(scarce));
        Assert.Empty(await factory.ReservationsOfAsync(order));

        var held = await Client.ReserveAsync(new ReserveStockRequest(order, [new ReservationLine(plenty, 2), new ReservationLine(scarce, 1)]), Cancel);

        Assert.True(held.Reserved);
        Assert.Empty(held.Shortages);
        Assert.Equal((5, 2), await factory.StockOfAsync(plenty));
        Assert.Equal((1, 1), await factory.StockOfAsync(scarce));

        var soldOut = await Client.ReserveAsync(new ReserveStockRequest(Guid.NewGuid(), [new ReservationLine(scarce, 1)]), Cancel);

        Assert.Equal([new StockShortage(scarce, 1, 0)], soldOut.Shortages);
    }

    [Fact]
    public async Task A_retried_reservation_holds_nothing_twice_and_other_lines_for_the_same_order_are_refused()
    {
        var product = await factory.ProductAsync(10);
        var order = Guid.NewGuid();
        var request = new ReserveStockRequest(order, [new ReservationLine(product, 4)]);

        Assert.True((await Client.ReserveAsync(request, Cancel)).Reserved);
        Assert.True((await Client.ReserveAsync(request, Cancel)).Reserved);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Client.ReserveAsync(new ReserveStockRequest(order, [new ReservationLine(product, 5)]), Cancel));

        Assert.Equal((10, 4), await factory.StockOfAsync(product));
        Assert.Single(await factory.ReservationsOfAsync(order));
        await factory.AssertLedgerAddsUpAsync(product);
    }

    [Fact]
    public async Task Parallel_retries_of_one_reservation_hold_its_units_once()
    {
        var product = await factory.ProductAsync(10);
        var request = new ReserveStockRequest(Guid.NewGuid(), [new ReservationLine(product, 3)]);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = Consumer.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ICatalogClient>().ReserveAsync(request, Cancel);
        }));

        Assert.All(results, r => Assert.True(r.Reserved));
        Assert.Equal((10, 3), await factory.StockOfAsync(product));
        await factory.AssertLedgerAddsUpAsync(product);
    }

    [Fact]
    public async Task Commit_turns_held_units_into_a_sale_once_and_a_committed_reservation_cannot_be_released()
    {
        var product = await factory.ProductAsync(5);
        var order = Guid.NewGuid();
        Assert.True((await Client.ReserveAsync(new ReserveStockRequest(order, [new ReservationLine(product, 2)]), Cancel)).Reserved);

        await Client.CommitAsync(order, Cancel);
        await Client.CommitAsync(order, Cancel);

        Assert.Equal((3, 0), await factory.StockOfAsync(product));
        Assert.All(await factory.ReservationsOfAsync(order), r => Assert.Equal(ReservationStatus.Committed, r.Status));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.ReleaseAsync(order, Cancel));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Client.CommitAsync(Guid.NewGuid(), Cancel));
        Assert.Equal((3, 0), await factory.StockOfAsync(product));
        await factory.AssertLedgerAddsUpAsync(product);
    }

    [Fact]
    public async Task Release_gives_held_units_back_once_and_a_released_reservation_cannot_be_committed()
    {
        var product = await factory.ProductAsync(5);
        var order = Guid.NewGuid();
        Assert.True((await Client.ReserveAsync(new ReserveStockRequest(order, [new ReservationLine(product, 3)]), Cancel)).Reserved);

        await Client.ReleaseAsync(order, Cancel);
        await Client.ReleaseAsync(order, Cancel);

        Assert.Equal((5, 0), await factory.StockOfAsync(product));
        Assert.All(await factory.ReservationsOfAsync(order), r => Assert.Equal(ReservationStatus.Released, r.Status));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.CommitAsync(order, Cancel));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Client.ReleaseAsync(Guid.NewGuid(), Cancel));
        Assert.Equal((5, 0), await factory.StockOfAsync(product));
        await factory.AssertLedgerAddsUpAsync(product);
    }

    [Fact]
    public async Task A_reservation_without_lines_with_a_quantity_below_one_or_without_a_positive_hold_is_refused_and_changes_nothing()
    {
        var product = await factory.ProductAsync(5);
        ReserveStockRequest[] invalid =
        [
            new(Guid.NewGuid(), []),
            new(Guid.NewGuid(), [new ReservationLine(product, 0)]),
            new(Guid.NewGuid(), [new ReservationLine(product, -1)]),
            new(Guid.NewGuid(), [new ReservationLine(product, 1)], TimeSpan.Zero),
            new(Guid.NewGuid(), [new ReservationLine(product, 1)], TimeSpan.FromSeconds(-5)),
        ];

        foreach (var request in invalid)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Client.ReserveAsync(request, Cancel));
            Assert.Empty(await factory.ReservationsOfAsync(request.OrderId));
        }

        Assert.Equal((5, 0), await factory.StockOfAsync(product));
    }

    [Fact]
    public async Task Re_holding_a_released_order_holds_it_again_once_and_answers_short_still_held_sold_and_unknown_orders()
    {
        var product = await factory.ProductAsync(5);
        var order = Guid.NewGuid();
        Assert.True((await Client.ReserveAsync(new ReserveStockRequest(order, [new ReservationLine(product, 3)]), Cancel)).Reserved);
        Assert.Equal(ReholdStatus.NotReleasedYet, (await Client.ReholdAsync(order, TimeSpan.FromMinutes(10), Cancel)).Status);
        await Client.ReleaseAsync(order, Cancel);

        var first = await Client.ReholdAsync(order, TimeSpan.FromMinutes(10), Cancel);
        var again = await Client.ReholdAsync(order, TimeSpan.FromMinutes(10), Cancel);

        Assert.Equal((ReholdStatus.Held, ReholdStatus.Held), (first.Status, again.Status));
        Assert.Equal((5, 3), await factory.StockOfAsync(product));
        Assert.All(await factory.ReservationsOfAsync(order), r => Assert.Equal(ReservationStatus.Reserved, r.Status));

        // Released again, then two units go to another order: three cannot be held any more.
        await Client.ReleaseAsync(order, Cancel);
        Assert.True((await Client.ReserveAsync(new ReserveStockRequest(Guid.NewGuid(), [new ReservationLine(product, 3)]), Cancel)).Reserved);
        var shortage = await Client.ReholdAsync(order, TimeSpan.FromMinutes(10), Cancel);
        Assert.Equal(ReholdStatus.Insufficient, shortage.Status);
        Assert.Equal((product, 3, 2), (Assert.Single(shortage.Shortages).ProductId, shortage.Shortages[0].RequestedQuantity, shortage.Shortages[0].AvailableStock));
        Assert.Equal((5, 3), await factory.StockOfAsync(product));

        var sold = Guid.NewGuid();
        Assert.True((await Client.ReserveAsync(new ReserveStockRequest(sold, [new ReservationLine(product, 1)]), Cancel)).Reserved);
        await Client.CommitAsync(sold, Cancel);
        Assert.Equal(ReholdStatus.Conflict, (await Client.ReholdAsync(sold, TimeSpan.FromMinutes(10), Cancel)).Status);
        Assert.Equal(ReholdStatus.NotFound, (await Client.ReholdAsync(Guid.NewGuid(), TimeSpan.FromMinutes(10), Cancel)).Status);
        await Assert.ThrowsAsync<ArgumentException>(() => Client.ReholdAsync(order, TimeSpan.Zero, Cancel));
        await factory.AssertLedgerAddsUpAsync(product);
    }
}

/// <summary>The in-process client of a module co-hosted with the Catalog.</summary>
public abstract class InProcessCatalogClientContractTests<TFactory>(TFactory factory) : CatalogClientContractTests<TFactory>(factory)
    where TFactory : StockFactory
{
    /// <inheritdoc />
    protected override IServiceProvider Consumer => Factory.Services;

    /// <inheritdoc />
    protected override Type ExpectedImplementation => typeof(InProcessCatalogClient);
}

/// <summary>The HTTP client of a module in another process.</summary>
public abstract class HttpCatalogClientContractTests<TFactory>(TFactory factory) : CatalogClientContractTests<TFactory>(factory)
    where TFactory : StockFactory
{
    private readonly HttpCatalogConsumer _consumer = new(factory);

    /// <inheritdoc />
    protected override IServiceProvider Consumer => _consumer.Services;

    /// <inheritdoc />
    protected override Type ExpectedImplementation => typeof(CatalogHttpClient);

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _consumer.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>In-process on SQLite.</summary>
public sealed class SqliteInProcessCatalogClientTests(StockFactory factory) : InProcessCatalogClientContractTests<StockFactory>(factory);

/// <summary>In-process on PostgreSQL.</summary>
public sealed class PostgresInProcessCatalogClientTests(PostgresStockFactory factory) : InProcessCatalogClientContractTests<PostgresStockFactory>(factory);

/// <summary>Over HTTP on SQLite.</summary>
public sealed class SqliteHttpCatalogClientTests(StockFactory factory) : HttpCatalogClientContractTests<StockFactory>(factory);

/// <summary>Over HTTP on PostgreSQL.</summary>
public sealed class PostgresHttpCatalogClientTests(PostgresStockFactory factory) : HttpCatalogClientContractTests<PostgresStockFactory>(factory);
